using System.Text;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Tests.Reporting;

public sealed class OutputFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Write_ResultsFiles_LeavesExactlyTheFolderWithBothFiles()
    {
        var destination = Path.Combine(_temp.Path, "out", "split-brain");
        var report = ReportFixtures.Report(ReportFixtures.SplitBrain());

        var written = OutputFolder.Write(destination, report, ReportFiles.Results);

        Assert.Equal(["results.json", "results.csv"], written);
        Assert.Equal(["out", "out/split-brain", "out/split-brain/results.csv", "out/split-brain/results.json"], _temp.Entries());
        Assert.Equal(ResultsJsonWriter.ToJson(report), File.ReadAllText(Path.Combine(destination, "results.json")));
    }

    [Fact]
    public void Write_WriterThrows_LeavesNoFolderAndNoStaging()
    {
        var destination = Path.Combine(_temp.Path, "run");
        IReportFile[] files = [.. ReportFiles.Results, new ReportFile("latency.png", (_, _) => throw new InvalidOperationException("chart failed"))];

        var error = Assert.Throws<InvalidOperationException>(
            () => OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.SplitBrain()), files));

        Assert.Equal("chart failed", error.Message);
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void Write_WriterThrowsOverEarlierRun_KeepsEarlierFolderUntouched()
    {
        var destination = Path.Combine(_temp.Path, "run");
        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);
        var before = File.ReadAllText(Path.Combine(destination, "results.json"));
        IReportFile[] failing = [new ReportFile("results.json", (_, _) => throw new IOException("disk full"))];

        var error = Assert.Throws<OutputFolderException>(
            () => OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.SplitBrain()), failing));

        Assert.Equal("cannot write results.json: disk full", error.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(destination, "results.json")));
        Assert.Equal(["run", "run/results.csv", "run/results.json"], _temp.Entries());
    }

    [Fact]
    public void Write_OverEarlierRun_ReplacesItsFiles()
    {
        var destination = Path.Combine(_temp.Path, "run");
        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);
        File.WriteAllText(Path.Combine(destination, "stale.png"), "old chart");

        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.SplitBrain()), ReportFiles.Results);

        Assert.Equal(["run", "run/results.csv", "run/results.json"], _temp.Entries());
        Assert.Contains("\"path\": \"self-hosted\"", File.ReadAllText(Path.Combine(destination, "results.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_FolderWithForeignFiles_RefusesAndLeavesItAlone()
    {
        var destination = Path.Combine(_temp.Path, "home");
        Directory.CreateDirectory(destination);
        File.WriteAllText(Path.Combine(destination, "notes.txt"), "mine");

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(destination));

        Assert.StartsWith($"'{destination}' exists and is not an rfsim output folder", error.Message, StringComparison.Ordinal);
        Assert.Equal(["home", "home/notes.txt"], _temp.Entries());
    }

    [Fact]
    public void Begin_ParentIsAFile_ThrowsOutputFolderExceptionNamingTheFolder()
    {
        var file = Path.Combine(_temp.Path, "file.txt");
        File.WriteAllText(file, "x");
        var destination = Path.Combine(file, "out");

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(destination));

        Assert.Equal(destination, error.FolderPath);
        Assert.StartsWith($"cannot create '{destination}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_WithoutCommit_DeletesStaging()
    {
        var destination = Path.Combine(_temp.Path, "run");
        string staging;
        using (var folder = OutputFolder.Begin(destination))
        {
            staging = folder.StagingPath;
            folder.WriteAll(ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);
            Assert.True(Directory.Exists(staging));
        }

        Assert.StartsWith(destination + ".tmp-", staging, StringComparison.Ordinal);
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void WriteAll_Cancelled_ThrowsAndLeavesNothingAfterDispose()
    {
        var destination = Path.Combine(_temp.Path, "run");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        using (var folder = OutputFolder.Begin(destination))
        {
            Assert.Throws<OperationCanceledException>(
                () => folder.WriteAll(ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results, cancelled.Token));
        }

        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void WriteAll_NameWithFolderPart_IsRejected()
    {
        using var folder = OutputFolder.Begin(Path.Combine(_temp.Path, "run"));
        IReportFile[] files = [new ReportFile("../escape.txt", (_, s) => s.Write(Encoding.UTF8.GetBytes("x")))];

        var error = Assert.Throws<ArgumentException>(() => folder.WriteAll(ReportFixtures.Report(), files));

        Assert.StartsWith("report file name '../escape.txt' must be a plain file name", error.Message, StringComparison.Ordinal);
    }
}
