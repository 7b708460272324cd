namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>
/// Finds files in the repository from the test's output folder, by walking up to the folder holding
/// RedisFailoverSim.sln, so test data needs no copying.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>The bundled scenarios folder.</summary>
    public static string BundledScenarios => Path.Combine(Root, "scenarios");

    /// <summary>A bundled scenario, e.g. <c>primary-crash.yaml</c>.</summary>
    public static string Bundled(string fileName) => Path.Combine(BundledScenarios, fileName);

    /// <summary>A test file under tests/RedisFailoverSim.Tests/Scenarios, e.g. <c>Bad/empty.yaml</c>.</summary>
    public static string TestData(string relativePath) =>
        Path.Combine(Root, "tests", "RedisFailoverSim.Tests", "Scenarios", relativePath);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RedisFailoverSim.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"RedisFailoverSim.sln not found above {AppContext.BaseDirectory}");
    }
}
