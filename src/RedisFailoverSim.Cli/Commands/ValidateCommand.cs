using RedisFailoverSim.Cli.Verbs;

namespace RedisFailoverSim.Cli.Commands;

/// <summary><c>rfsim validate</c>: load only.</summary>
internal static class ValidateCommand
{
    public static int Execute(ValidateVerb verb, CliEnvironment env)
    {
        var scenario = ScenarioInput.TryLoad(env, verb.File);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        var faults = scenario.World.Faults.Count;
        var expectations = scenario.Expectations.Count;
        env.Out.WriteLine(
            $"ok: {scenario.Name} ({faults} {(faults == 1 ? "fault" : "faults")}, "
            + $"paths: {string.Join(", ", scenario.Paths)}, "
            + $"{expectations} {(expectations == 1 ? "expectation" : "expectations")})");
        return ExitCodes.Ok;
    }
}
