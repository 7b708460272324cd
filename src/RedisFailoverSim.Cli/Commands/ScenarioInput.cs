using RedisFailoverSim.Cli.Scenarios;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>Loads the scenario a command was given, turning every kind of bad input into plain lines on stderr.</summary>
internal static class ScenarioInput
{
    /// <summary>
    /// Loads <paramref name="input"/> (a file, or a bundled scenario's name). On bad input prints one line per
    /// problem (<c>file:line:col: message</c>) and returns null.
    /// </summary>
    public static Scenario? TryLoad(CliEnvironment env, string input)
    {
        var file = BundledScenarios.Resolve(input, env.SearchRoots);
        if (Directory.Exists(file))
        {
            env.Error.WriteLine($"{file}: is a folder, not a scenario file");
            return null;
        }

        if (!File.Exists(file))
        {
            env.Error.WriteLine($"{file}: no such scenario file{BundledSuggestion(env, input)} (bundled ones: rfsim list)");
            return null;
        }

        try
        {
            return env.LoadScenario(file);
        }
        catch (ScenarioException e)
        {
            PrintProblems(env.Error, e);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"{file}: cannot read: {e.Message}");
            return null;
        }
    }

    // "run primary-crsh": the bundled scenario it was probably meant to be.
    private static string BundledSuggestion(CliEnvironment env, string input)
    {
        if (BundledScenarios.FindFolder(env.SearchRoots) is not { } folder)
        {
            return "";
        }

        var names = BundledScenarios.Files(folder).Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
        var typed = Path.GetFileNameWithoutExtension(input);
        return RedisFailoverSim.Scenarios.Reading.Suggestions.DidYouMean(typed, names);
    }

    /// <summary>One line per problem, in file order.</summary>
    public static void PrintProblems(TextWriter error, ScenarioException exception)
    {
        foreach (var problem in exception.Problems)
        {
            error.WriteLine(problem.ToString());
        }
    }
}
