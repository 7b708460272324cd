namespace RedisFailoverSim.Tests.Architecture;

/// <summary>Finds the repository root (the folder holding RedisFailoverSim.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "RedisFailoverSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RedisFailoverSim.sln not found above " + AppContext.BaseDirectory);
    }
}
