using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli;

public sealed class PlotsCommandTests : IDisposable
{
    private readonly CliFixture _cli = new() { Runner = (_, _) => SplitBrainStory.Result() };

    public PlotsCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Root, "scenarios"));
        File.WriteAllText(Path.Combine(_cli.Root, "scenarios", "az-partition-split-brain.yaml"), "name: az-partition-split-brain\n");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Plots_SplitBrainScenario_WritesRolesAndLatencyAndAReadmeWithTheCommand()
    {
        var gallery = _cli.OutputPath("plots");

        var exit = _cli.Run("plots", "--out", gallery);

        Assert.Equal(0, exit);
        Assert.Equal(
            ["README.md", "az-partition-split-brain-latency.png", "az-partition-split-brain-roles.png", "gallery-manifest.json"],
            Directory.EnumerateFiles(gallery).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var readme = File.ReadAllText(Path.Combine(gallery, "README.md"));
        Assert.Contains($"```sh\n{ChartGallery.Command}\n```\n", readme, StringComparison.Ordinal);
        Assert.Contains(
            "| az-partition-split-brain | [roles](az-partition-split-brain-roles.png) | self-hosted: n1 and n3 both primary and "
            + "accepting writes for 10.0 s (red); the fault (partition: {n1} \\| {n2,n3}) shaded;",
            readme,
            StringComparison.Ordinal);
        Assert.Equal(42UL, Assert.Single(_cli.Runs).Seed);
    }

    [Fact]
    public void Plots_FolderWithAUsersFileOfAChartsName_RefusesAndWritesNothing()
    {
        var gallery = _cli.OutputPath("plots");
        Directory.CreateDirectory(gallery);
        File.WriteAllText(Path.Combine(gallery, "az-partition-split-brain-roles.png"), "my own drawing");
        File.WriteAllText(Path.Combine(gallery, "notes.png"), "mine too");

        var exit = _cli.Run("plots", "--out", gallery);

        Assert.Equal(2, exit);
        Assert.Contains("az-partition-split-brain-roles.png, which rfsim did not write", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["az-partition-split-brain-roles.png", "notes.png"], Directory.EnumerateFiles(gallery).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plots_SecondRun_ReplacesItsOwnFilesKeepsTheUsersAndAnEditedOne()
    {
        var gallery = _cli.OutputPath("plots");
        Assert.Equal(0, _cli.Run("plots", "--out", gallery));
        File.WriteAllText(Path.Combine(gallery, "notes.png"), "mine");
        _cli.Scenario = _cli.Scenario with { Paths = ["memorydb"] };
        File.AppendAllText(Path.Combine(gallery, "az-partition-split-brain-latency.png"), "edited");

        var exit = _cli.Run("plots", "--out", gallery);

        // The roles chart is no longer produced and unchanged: removed. The edited latency chart is kept, with a note.
        Assert.Equal(0, exit);
        Assert.Equal(
            ["README.md", "az-partition-split-brain-latency.png", "gallery-manifest.json", "notes.png"],
            Directory.EnumerateFiles(gallery).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("kept", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plots_ScenarioWithNoAvailablePath_IsListedAsNotRendered()
    {
        _cli.Scenario = _cli.Scenario with { Paths = ["memorydb"] };

        var exit = _cli.Run("plots", "--out", _cli.OutputPath("plots"));

        Assert.Equal(0, exit);
        Assert.Empty(_cli.Runs);
        Assert.Contains(
            "| az-partition-split-brain | - | not rendered: none of its paths (memorydb) is available yet |",
            File.ReadAllText(Path.Combine(_cli.OutputPath("plots"), "README.md")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Plots_NoScenariosFolder_ExitsTwo()
    {
        Directory.Delete(Path.Combine(_cli.Root, "scenarios"), recursive: true);

        var exit = _cli.Run("plots", "--out", _cli.OutputPath("plots"));

        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(_cli.OutputPath("plots")));
    }
}
