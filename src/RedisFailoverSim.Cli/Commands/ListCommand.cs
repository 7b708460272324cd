using RedisFailoverSim.Cli.Scenarios;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli.Commands;

/// <summary><c>rfsim list</c>: the bundled scenarios, one line each.</summary>
internal static class ListCommand
{
    public static int Execute(CliEnvironment env)
    {
        var folder = BundledScenarios.FindFolder(env.SearchRoots);
        if (folder is null)
        {
            env.Error.WriteLine(
                "no scenarios/ folder found (searched upward from the current folder and from the rfsim folder)");
            return ExitCodes.BadInput;
        }

        env.Out.WriteLine($"Bundled scenarios in {folder}:");
        foreach (var file in BundledScenarios.Files(folder))
        {
            env.Out.WriteLine(Describe(env, file));
        }

        env.Out.WriteLine();
        env.Out.WriteLine("Run one with: rfsim run <file or name> [--seed N]");
        return ExitCodes.Ok;
    }

    private static string Describe(CliEnvironment env, string file)
    {
        var name = Path.GetFileName(file);
        try
        {
            var scenario = env.LoadScenario(file);
            return $"  {name,-34} {BundledScenarios.FirstSentence(scenario.Description)}";
        }
        catch (ScenarioException e)
        {
            var first = e.Problems.Count > 0 ? e.Problems[0].ToString() : e.Message;
            var more = e.Problems.Count > 1 ? $" (and {e.Problems.Count - 1} more)" : "";
            return $"  {name,-34} invalid: {first}{more}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotImplementedException)
        {
            return $"  {name,-34} invalid: {e.Message}";
        }
    }
}
