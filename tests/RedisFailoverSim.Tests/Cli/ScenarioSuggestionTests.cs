using RedisFailoverSim.Cli;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>A misspelt bundled scenario gets a did-you-mean from the bundled names (issue 16: "run primary-crsh").</summary>
public sealed class ScenarioSuggestionTests
{
    [Theory]
    [InlineData("primary-crsh", "; did you mean 'primary-crash'?")]
    [InlineData("az-partition-splitbrain", "; did you mean 'az-partition-split-brain'?")]
    [InlineData("zzzzzz", "")]
    public void Run_MissingScenario_SuggestsTheClosestBundledName(string typed, string suggestion)
    {
        using var error = new StringWriter();
        var env = RealCli.Environment(TextWriter.Null, error, RedisFailoverSim.Tests.Architecture.RepositoryRoot.Path, charts: false);

        var exit = CliApp.Run(["validate", typed], env);

        Assert.Equal(2, exit);
        Assert.Equal($"{typed}: no such scenario file{suggestion} (bundled ones: rfsim list)\n", error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
