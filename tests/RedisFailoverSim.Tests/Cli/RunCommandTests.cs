using RedisFailoverSim.Engine;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Reporting.Results;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Run_ClaimHolds_WritesResultsOfTheRunAndExitsZero()
    {
        var claim = ReportFixtures.LostClaim();
        _cli.Scenario = _cli.Scenario with { Expectations = [claim] };

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(0, exit);
        var expected = new RunReport(
            "az-partition-split-brain", _cli.Scenario.Description, _cli.Scenario.Sha256, _cli.ScenarioFile, 42,
            ReportFixtures.Tool, [ReportFixtures.SplitBrain()], [new ExpectationOutcome(claim, ExpectationStatus.Held, 1126, "")]);
        Assert.Equal(ResultsJsonWriter.ToJson(expected), File.ReadAllText(Path.Combine(_cli.OutputPath(), "results.json")));
        Assert.Equal(ResultsCsvWriter.ToCsv(expected), File.ReadAllText(Path.Combine(_cli.OutputPath(), "results.csv")));
        Assert.Contains("  held     self-hosted acknowledgedLost > 0  (actual 1,126)", _cli.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ClaimFails_ExitsOneAndNamesTheClaimWithItsLine()
    {
        _cli.Scenario = _cli.Scenario with { Expectations = [ReportFixtures.LostClaim(op: Comparison.Equal, value: 0)] };

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(1, exit);
        Assert.Equal(
            $"{_cli.ScenarioFile}:31: expectation failed: self-hosted acknowledgedLost == 0 (actual 1,126)\n"
            + "1 of 1 expectations failed\n",
            Problems());
        Assert.True(File.Exists(Path.Combine(_cli.OutputPath(), "results.json")));
    }

    [Fact]
    public void Run_ClaimAboutPathThatDidNotRun_IsSkippedAndExitsZero()
    {
        _cli.Scenario = _cli.Scenario with { Expectations = [ReportFixtures.LostClaim("memorydb", Comparison.Equal, 0)] };

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(0, exit);
        Assert.Contains("  skipped  memorydb acknowledgedLost == 0  (memorydb did not run)", _cli.Out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, 42UL)]
    [InlineData(7UL, null, 7UL)]
    [InlineData(7UL, "9", 9UL)]
    public void Run_Seed_CommandLineBeatsScenarioBeatsFortyTwo(ulong? scenarioSeed, string? option, ulong expected)
    {
        _cli.Scenario = _cli.Scenario with { DefaultSeed = scenarioSeed };
        string[] args = option is null
            ? ["run", _cli.ScenarioFile, "--out", _cli.OutputPath()]
            : ["run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--seed", option];

        Assert.Equal(0, _cli.Run(args));

        Assert.Equal(expected, Assert.Single(_cli.Runs).Seed);
        Assert.Contains($"seed {expected}", _cli.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefaultPaths_RunsTheAvailableOnesAndNamesTheSkipped()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(0, exit);
        Assert.Equal(["self-hosted"], _cli.Runs.Select(r => r.Path));
        Assert.Contains(
            "paths: self-hosted  (not available yet, skipped: elasticache, serverless, memorydb)",
            _cli.Out.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownPathRequested_ExitsTwoListingKnownPaths()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--paths", "redis", "--out", _cli.OutputPath());

        Assert.Equal(2, exit);
        Assert.Equal("--paths: unknown path 'redis' (known: elasticache, serverless, memorydb, self-hosted)\n", Stderr());
        Assert.Empty(_cli.Runs);
    }

    [Fact]
    public void Run_UnavailablePathRequested_ExitsTwoSayingWhichAreAvailable()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--paths", "self-hosted,memorydb", "--out", _cli.OutputPath());

        Assert.Equal(2, exit);
        Assert.Equal("--paths: path 'memorydb' is not available yet (available: self-hosted)\n", Stderr());
        Assert.False(Directory.Exists(_cli.OutputPath()));
    }

    [Fact]
    public void Run_ChartWriterThrows_LeavesNoOutputFolderAndExitsThree()
    {
        _cli.ChartFiles = [new ReportFile("latency.png", (_, _) => throw new InvalidOperationException("no font"))];

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(3, exit);
        Assert.StartsWith("internal error: InvalidOperationException: no font\n", Problems(), StringComparison.Ordinal);
        Assert.Equal(["split.yaml"], Directory.EnumerateFileSystemEntries(_cli.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_ChartWriterDiskFull_ExitsTwoNamingTheFolderAndFile()
    {
        _cli.ChartFiles = [new ReportFile("latency.png", (_, _) => throw new IOException("disk full"))];

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(2, exit);
        Assert.Equal($"output folder '{_cli.OutputPath()}': cannot write latency.png: disk full\n", Problems());
        Assert.False(Directory.Exists(_cli.OutputPath()));
    }

    [Fact]
    public void Run_NoCharts_SkipsChartWritersAndSamples()
    {
        _cli.ChartFiles = [new ReportFile("latency.png", (_, _) => throw new InvalidOperationException("no font"))];

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--no-charts");

        Assert.Equal(0, exit);
        Assert.False(Assert.Single(_cli.Runs).Options.KeepSamples);
        Assert.Equal(["results.csv", "results.json", "rfsim-manifest.json", "timeline.html"], Directory.EnumerateFiles(_cli.OutputPath()).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_InvariantViolated_ExitsThreeWithTheReplayCommand()
    {
        _cli.Runner = (_, _) => throw new InvariantViolatedException("replica.Offset <= primary.Offset");

        var exit = _cli.Run("run", _cli.ScenarioFile, "--seed", "5", "--out", _cli.OutputPath());

        Assert.Equal(3, exit);
        Assert.Equal(
            "internal error: invariant violated: replica.Offset <= primary.Offset (path self-hosted, seed 5)\n"
            + $"replay with: rfsim run {_cli.ScenarioFile} --seed 5 --paths self-hosted\n"
            + "please report it with that command and the scenario file\n"
            + "(set RFSIM_DEBUG=1 for the stack trace)\n",
            Problems());
        Assert.False(Directory.Exists(_cli.OutputPath()));
    }

    [Fact]
    public void Run_OutputNotATerminal_PrintsPlainProgressLinesOnStderr()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(0, exit);
        Assert.Equal("progress self-hosted 0%\nprogress self-hosted 50%\nprogress self-hosted 100%\n", Stderr());
    }

    [Fact]
    public void Run_Quiet_PrintsOnlyTheTable()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--quiet");

        Assert.Equal(0, exit);
        var stdout = _cli.Out.ToString();
        Assert.Contains("1,126 (56.4%)", stdout, StringComparison.Ordinal);
        Assert.Contains("az-partition-split-brain, seed 42", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("acknowledged writes lost", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", stdout, StringComparison.Ordinal);
        Assert.Equal("", Stderr());
    }

    [Fact]
    public void Run_Normal_PrintsJepsenSummaryFactsAndReplay()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(0, exit);
        var stdout = _cli.Out.ToString();
        // Under each path its verdict, then Jepsen's four lines and the facts.
        Assert.Contains("\nself-hosted\n  self-hosted lost 1,126 acknowledged writes (56.4% of 1,998)", stdout, StringComparison.Ordinal);
        Assert.Contains(
            "\n  2,000 total (1 failed, 1 unknown of which 0 survived)\n  1,998 acknowledged\n  872 survivors\n"
            + "  1,126 acknowledged writes lost (56.4%)\n  yes  splitBrain: n1 and n5 were both primary for 41.2 s → n1 demoted at heal\n",
            stdout,
            StringComparison.Ordinal);
        Assert.Contains($"replay: rfsim run {_cli.ScenarioFile} --seed 42\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScenarioProblems_PrintsEachAsFileLineColumnAndExitsTwo()
    {
        _cli.LoadError = new ScenarioException(
        [
            new ScenarioProblem(_cli.ScenarioFile, 5, 5, "unknown key 'durration' (allowed: at, duration, kind, target)"),
            new ScenarioProblem(_cli.ScenarioFile, 9, 15, "expected a number for 'rate', found 'soon'"),
        ]);

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath());

        Assert.Equal(2, exit);
        Assert.Equal(
            $"{_cli.ScenarioFile}:5:5: unknown key 'durration' (allowed: at, duration, kind, target)\n"
            + $"{_cli.ScenarioFile}:9:15: expected a number for 'rate', found 'soon'\n",
            Stderr());
        Assert.Equal("", _cli.Out.ToString());
    }

    [Fact]
    public void Run_MissingFile_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(_cli.Root, "nope.yaml");

        var exit = _cli.Run("run", missing);

        Assert.Equal(2, exit);
        Assert.Equal($"{missing}: no such scenario file (bundled ones: rfsim list)\n", Stderr());
    }

    [Fact]
    public void Run_OutputFolderUnderAFile_ExitsTwoBeforeSimulating()
    {
        var destination = Path.Combine(_cli.ScenarioFile, "out");

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", destination);

        Assert.Equal(2, exit);
        Assert.StartsWith($"output folder '{destination}': cannot create '{destination}': ", Stderr(), StringComparison.Ordinal);
        Assert.Empty(_cli.Runs);
    }

    [Fact]
    public void Run_CancelledByCtrlC_ExitsOneThirtyAndWritesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var exit = RedisFailoverSim.Cli.CliApp.Run(
            ["run", _cli.ScenarioFile, "--out", _cli.OutputPath()], _cli.Environment(cancellation.Token));

        Assert.Equal(130, exit);
        Assert.Equal("cancelled: nothing was written\n", Stderr());
        Assert.Equal(["split.yaml"], Directory.EnumerateFileSystemEntries(_cli.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_SameScenarioAndSeedTwice_GivesIdenticalResultsJson()
    {
        Assert.Equal(0, _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath("a")));
        Assert.Equal(0, _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath("b")));

        Assert.Equal(
            File.ReadAllBytes(Path.Combine(_cli.OutputPath("a"), "results.json")),
            File.ReadAllBytes(Path.Combine(_cli.OutputPath("b"), "results.json")));
    }

    [Fact]
    public void Run_TraceFilteredToSentinels_PrintsNarratedLinesAndWritesTraceFile()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--trace", "--trace-filter", "sentinel");

        Assert.Equal(0, exit);
        Assert.Contains("\n== self-hosted ==\nt=40.812s  sentinel-3 +sdown master n1\n", _cli.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            "== self-hosted ==\nt=40.812s  sentinel-3 +sdown master n1\n",
            File.ReadAllText(Path.Combine(_cli.OutputPath(), "trace.txt")));
    }

    [Fact]
    public void Run_Trace_KeepsTheWritesEvenWithNoCharts()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--trace", "--no-charts");

        Assert.Equal(0, exit);
        Assert.True(_cli.Runs.Single().Options.KeepSamples);
    }

    [Fact]
    public void Run_BundledScenarioName_LoadsItFromTheScenariosFolder()
    {
        var bundled = Path.Combine(_cli.Root, "scenarios", "primary-crash.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(bundled)!);
        File.WriteAllText(bundled, "name: primary-crash\n");

        var exit = _cli.Run("run", "primary-crash", "--out", _cli.OutputPath());

        Assert.Equal(0, exit);
        Assert.Contains($"\"file\": \"primary-crash.yaml\"", File.ReadAllText(Path.Combine(_cli.OutputPath(), "results.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnderGermanCulture_PrintsAndWritesInvariantNumbers()
    {
        _cli.Scenario = _cli.Scenario with
        {
            Expectations = [new Expectation("self-hosted", "controlPlaneSeconds", Comparison.Less, 40.5, "< 40.5", 12)],
        };

        var exit = CultureScope.Run("de-DE", () => _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath()));

        Assert.Equal(0, exit);
        Assert.Contains("  held     self-hosted controlPlaneSeconds < 40.5  (actual 32.001)", _cli.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("│   0.51 │   3.20 │", _cli.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"controlPlaneSeconds\": 32.001,", File.ReadAllText(Path.Combine(_cli.OutputPath(), "results.json")), StringComparison.Ordinal);
    }

    private string Stderr() => _cli.Error.ToString().ReplaceLineEndings("\n");

    /// <summary>Stderr without the progress lines.</summary>
    private string Problems() =>
        string.Concat(Stderr().Split('\n').Where(l => l.Length > 0 && !l.StartsWith("progress ", StringComparison.Ordinal)).Select(l => l + "\n"));
}
