namespace RedisFailoverSim.Cli;

/// <summary>Entry point of the <c>rfsim</c> command.</summary>
public static class Program
{
    /// <summary>
    /// Runs the command line and returns the process exit code: 0 ran and every <c>expect:</c> held, 1 an
    /// expectation failed, 2 bad input or usage, 3 internal error, 130 cancelled (Ctrl-C).
    /// </summary>
    public static int Main(string[] args) => RunWithCtrlC(args, CliEnvironment.FromConsole);

    /// <summary>
    /// Runs <paramref name="args"/> with Ctrl-C wired to the environment's cancellation token. The first Ctrl-C
    /// asks the run to stop at its next progress report and delete its staging folder; a second one ends the
    /// process at once.
    /// </summary>
    internal static int RunWithCtrlC(string[] args, Func<CancellationToken, CliEnvironment> environment)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return CliApp.Run(args, environment(cancellation.Token));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
