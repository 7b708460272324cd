using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>What a run leaves on disk with the real chart and report writers registered.</summary>
public sealed class RunOutputFolderTests : IDisposable
{
    private readonly CliFixture _cli = new()
    {
        ChartFiles = ReportFiles.ChartsAndReports,
        Runner = (_, _) => SplitBrainStory.Result(),
    };

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Run_WithChartsReportsAndTrace_FolderHoldsExactlyTheExpectedFiles()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--trace");

        Assert.Equal(0, exit);
        Assert.Equal(
        [
            "latency-cdf.png", "latency-cdf.svg", "latency.png", "latency.svg", "lost-writes.png", "lost-writes.svg",
            "report.html", "report.md", "results.csv", "results.json", "rfsim-manifest.json", "roles.png", "roles.svg", "timeline.html", "trace.txt",
        ],
        Directory.EnumerateFileSystemEntries(_cli.OutputPath()).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["out", "split.yaml"], Directory.EnumerateFileSystemEntries(_cli.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(string.Join('\n', SplitBrainStory.Trace) + "\n", File.ReadAllText(Path.Combine(_cli.OutputPath(), "trace.txt")));
    }

    [Fact]
    public void Run_WithoutTrace_WritesNoTraceFileButEverythingElse()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--quiet");

        Assert.Equal(0, exit);
        Assert.Equal(14, Directory.EnumerateFiles(_cli.OutputPath()).Count()); // 13 outputs and rfsim-manifest.json
        Assert.False(File.Exists(Path.Combine(_cli.OutputPath(), "trace.txt")));
    }

    [Fact]
    public void Run_IntoAUsersFolderHoldingAResultsJson_ExitsTwoAndKeepsEveryFile()
    {
        var thesis = _cli.OutputPath("thesis");
        Directory.CreateDirectory(Path.Combine(thesis, "src"));
        File.WriteAllText(Path.Combine(thesis, "results.json"), "{}");
        File.WriteAllText(Path.Combine(thesis, "thesis.tex"), "chapter one");
        File.WriteAllText(Path.Combine(thesis, "src", "main.c"), "int main(void);");

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", thesis, "--quiet");

        Assert.Equal(2, exit);
        Assert.Contains("rfsim will not replace it", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_cli.Runs);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(thesis, "results.json")));
        Assert.Equal("chapter one", File.ReadAllText(Path.Combine(thesis, "thesis.tex")));
        Assert.Equal("int main(void);", File.ReadAllText(Path.Combine(thesis, "src", "main.c")));
    }

    [Fact]
    public void Run_ChartCannotBeDrawn_LeavesNoFolderAndNoStaging()
    {
        // A write acknowledged by a node the run does not have: drawing the charts fails after results.json was staged.
        var broken = SplitBrainStory.Result();
        var samples = broken.Samples!;
        var wrong = new WriteSamples.Builder();
        for (int i = 0; i < samples.Count; i++)
        {
            wrong.Add((long)(samples.IntendedStartSeconds[i] * 1e9), (long)(samples.LatencyMilliseconds[i] * 1e6), samples.Outcomes[i], samples.Lost[i], samples.Client[i], i == 0 ? 99 : samples.AckedBy[i]);
        }

        _cli.Runner = (_, _) => broken with { Samples = wrong.Build() };

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--quiet");

        Assert.Equal(3, exit);
        Assert.StartsWith("internal error: IndexOutOfRangeException:", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["split.yaml"], Directory.EnumerateFileSystemEntries(_cli.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_FailingOverAnEarlierRun_KeepsTheEarlierFolderWhole()
    {
        Assert.Equal(0, _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--quiet"));
        var before = File.ReadAllBytes(Path.Combine(_cli.OutputPath(), "roles.png"));
        _cli.Runner = (_, _) => SplitBrainStory.Result() with { Roles = [new RoleInterval("n9", 0, 1, NodeRole.Primary, false)] };
        _cli.ChartFiles = [.. ReportFiles.ChartsAndReports, new ReportFile("z.png", (_, _) => throw new IOException("disk full"))];

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_cli.OutputPath(), "roles.png")));
        Assert.Equal(["out", "split.yaml"], Directory.EnumerateFileSystemEntries(_cli.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
