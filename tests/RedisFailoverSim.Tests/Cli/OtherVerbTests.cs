using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Cli;

public sealed class OtherVerbTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Validate_GoodScenario_PrintsOkWithCounts()
    {
        var exit = _cli.Run("validate", _cli.ScenarioFile);

        Assert.Equal(0, exit);
        Assert.Equal(
            "ok: az-partition-split-brain (1 fault, paths: elasticache, serverless, memorydb, self-hosted, 0 expectations)\n",
            _cli.Out.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Validate_BadScenario_PrintsEveryProblemAndExitsTwo()
    {
        _cli.LoadError = new ScenarioException(
        [
            new ScenarioProblem(_cli.ScenarioFile, 3, 7, "expected an integer for 'quorum', found 'two'"),
            new ScenarioProblem(_cli.ScenarioFile, 0, 0, "no faults: add at least one under 'faults:'"),
        ]);

        var exit = _cli.Run("validate", _cli.ScenarioFile);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"{_cli.ScenarioFile}:3:7: expected an integer for 'quorum', found 'two'\n"
            + $"{_cli.ScenarioFile}: no faults: add at least one under 'faults:'\n",
            _cli.Error.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("", _cli.Out.ToString());
    }

    [Fact]
    public void Validate_LoaderNotImplemented_ExitsThreeWithoutStackTrace()
    {
        _cli.LoadError = new NotImplementedException("scenario loading is being built");

        var exit = _cli.Run("validate", _cli.ScenarioFile);

        Assert.Equal(3, exit);
        Assert.Equal("not implemented yet: scenario loading is being built\n", _cli.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Explain_SelfHosted_PrintsModelDefaultsWithSourcesAndAssumptions()
    {
        var exit = _cli.Run("explain", "self-hosted");

        Assert.Equal(0, exit);
        var text = _cli.Out.ToString().ReplaceLineEndings("\n");
        Assert.StartsWith("self-hosted\n===========\nRedis OSS / Valkey on EC2 with Sentinel.", text, StringComparison.Ordinal);
        Assert.Contains(
            "  down-after-milliseconds: 30000 ms\n      source docs/sources.md §2.1 (sentinel.c sentinel_default_down_after); "
            + "scenario key\n      sentinel.down-after-milliseconds\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("  A5: A client asks each Sentinel for the primary with a 500 ms timeout", text, StringComparison.Ordinal);
        Assert.Contains($"Assumptions ({RedisFailoverSim.Model.Catalog.Assumptions.For("self-hosted").Count}), where no source says:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NoPath_ExplainsAllFourAndMarksUnavailable()
    {
        var exit = _cli.Run("explain");

        Assert.Equal(0, exit);
        var text = _cli.Out.ToString().ReplaceLineEndings("\n");
        Assert.Equal(
            ["elasticache", "serverless", "memorydb", "self-hosted"],
            text.Split('\n').Where((line, i) => i + 1 < text.Split('\n').Length && text.Split('\n')[i + 1].StartsWith("===", StringComparison.Ordinal)));
        Assert.Contains("(not available yet: 'rfsim run' skips memorydb)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void List_ScenariosFolder_PrintsFirstSentencesAndInvalidOnes()
    {
        var folder = Path.Combine(_cli.Root, "scenarios");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a-good.yaml"), "name: a\n");
        File.WriteAllText(Path.Combine(folder, "b-bad.yaml"), "name: b\n");
        var bad = Path.Combine(folder, "b-bad.yaml");
        var cli = _cli;
        cli.Scenario = cli.Scenario with { Description = "Kill -9 of the primary. Sentinel defaults." };
        var environment = cli.Environment() with
        {
            LoadScenario = file => file == bad
                ? throw new ScenarioException([new ScenarioProblem(file, 2, 1, "unknown key 'nmae'")])
                : cli.Scenario,
        };

        var exit = RedisFailoverSim.Cli.CliApp.Run(["list"], environment);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                $"Bundled scenarios in {folder}:",
                "  a-good.yaml                        Kill -9 of the primary.",
                $"  b-bad.yaml                         invalid: {bad}:2:1: unknown key 'nmae'",
                "",
                "Run one with: rfsim run <file or name> [--seed N]",
                "",
            ],
            _cli.Out.ToString().ReplaceLineEndings("\n").Split('\n'));
    }
}
