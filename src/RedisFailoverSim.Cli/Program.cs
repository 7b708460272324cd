namespace RedisFailoverSim.Cli;

/// <summary>Entry point of the <c>rfsim</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        Console.WriteLine("rfsim: the simulation model is being built (see issues 3-4); nothing to run yet.");
        return 0;
    }
}
