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
        Assert.Equal(["out", "out/split-brain", "out/split-brain/results.csv", "out/split-brain/results.json", "out/split-brain/rfsim-manifest.json"], _temp.Entries());
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
        Assert.Equal(["run", "run/results.csv", "run/results.json", "run/rfsim-manifest.json"], _temp.Entries());
    }

    [Fact]
    public void Write_OverEarlierUnchangedRun_ReplacesIt()
    {
        var destination = Path.Combine(_temp.Path, "run");
        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);

        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.SplitBrain()), ReportFiles.Results);

        Assert.Equal(["run", "run/results.csv", "run/results.json", "run/rfsim-manifest.json"], _temp.Entries());
        Assert.Contains("\"path\": \"self-hosted\"", File.ReadAllText(Path.Combine(destination, "results.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_EarlierRunWithAFileTheUserAdded_RefusesAndTouchesNothing()
    {
        var destination = Path.Combine(_temp.Path, "run");
        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);
        File.WriteAllText(Path.Combine(destination, "notes.md"), "my analysis");

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(destination));

        Assert.Equal(
            $"'{destination}' exists and rfsim will not replace it: it holds files rfsim did not write: notes.md. "
            + "Choose another --out, or empty the folder yourself",
            error.Message);
        Assert.Equal(["run", "run/notes.md", "run/results.csv", "run/results.json", "run/rfsim-manifest.json"], _temp.Entries());
    }

    [Fact]
    public void Begin_EarlierRunWhoseResultsWereEdited_Refuses()
    {
        var destination = Path.Combine(_temp.Path, "run");
        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);
        File.AppendAllText(Path.Combine(destination, "results.csv"), "my row\n");

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(destination));

        Assert.Contains("files rfsim wrote were changed since: results.csv", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("my row\n", File.ReadAllText(Path.Combine(destination, "results.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_UsersFolderWithAResultsJsonOfItsOwn_RefusesAndKeepsEveryFile()
    {
        // The data-loss bug of issue 12: a results.json used to mark any folder as rfsim's to replace wholesale.
        var destination = Path.Combine(_temp.Path, "thesis");
        Directory.CreateDirectory(Path.Combine(destination, "src"));
        File.WriteAllText(Path.Combine(destination, "results.json"), "{}");
        File.WriteAllText(Path.Combine(destination, "thesis.tex"), "\\documentclass{article}");
        File.WriteAllText(Path.Combine(destination, "src", "main.c"), "int main(void) { return 0; }");

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(destination));

        Assert.Contains("it holds files rfsim did not write (results.json, src, thesis.tex) and no rfsim-manifest.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(["thesis", "thesis/results.json", "thesis/src", "thesis/src/main.c", "thesis/thesis.tex"], _temp.Entries());
    }

    [Fact]
    public void Begin_FolderWhereAListedFileIsNowAFolder_Refuses()
    {
        var destination = Path.Combine(_temp.Path, "run");
        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);
        File.Delete(Path.Combine(destination, "results.csv"));
        Directory.CreateDirectory(Path.Combine(destination, "results.csv"));
        File.WriteAllText(Path.Combine(destination, "results.csv", "mine.txt"), "mine");

        Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(destination));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(destination, "results.csv", "mine.txt")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    public void Begin_EmptyOrRootDestination_IsRefusedWithAReason(string destination)
    {
        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(destination));

        Assert.Matches("needs a folder name|root of the file system", error.Message);
    }

    [Fact]
    public void Begin_DestinationIsAFile_IsRefused()
    {
        var file = Path.Combine(_temp.Path, "results");
        File.WriteAllText(file, "mine");

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(file));

        Assert.Equal($"'{file}' is a file, not a folder", error.Message);
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void Dispose_WithoutCommit_RemovesTheParentFoldersBeginCreated()
    {
        using (var folder = OutputFolder.Begin(Path.Combine(_temp.Path, "a", "b", "run")))
        {
            folder.WriteAll(ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);
        }

        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void Begin_StagingOfAKilledRun_IsRemovedButALiveOneIsKept()
    {
        var destination = Path.Combine(_temp.Path, "run");
        var killed = destination + ".tmp-0badc0de";
        Directory.CreateDirectory(killed);
        File.WriteAllText(Path.Combine(killed, "results.json"), "half");
        File.WriteAllText(Path.Combine(killed, ".rfsim-staging.lock"), "");
        using var live = OutputFolder.Begin(destination);

        using var second = OutputFolder.Begin(destination);

        Assert.False(Directory.Exists(killed));
        Assert.True(Directory.Exists(live.StagingPath));
        Assert.True(Directory.Exists(second.StagingPath));
    }

    [Fact]
    public void Begin_AfterACommitKilledHalfWay_PutsTheEarlierRunBack()
    {
        var destination = Path.Combine(_temp.Path, "run");
        OutputFolder.Write(destination, ReportFixtures.Report(ReportFixtures.Clean()), ReportFiles.Results);
        var before = File.ReadAllText(Path.Combine(destination, "results.json"));
        Directory.Move(destination, destination + ".old-12345678");

        using (OutputFolder.Begin(destination))
        {
            Assert.Equal(before, File.ReadAllText(Path.Combine(destination, "results.json")));
        }

        Assert.Equal(["run", "run/results.csv", "run/results.json", "run/rfsim-manifest.json"], _temp.Entries());
    }

    [Fact]
    public void Begin_FolderWithForeignFiles_RefusesAndLeavesItAlone()
    {
        var destination = Path.Combine(_temp.Path, "home");
        Directory.CreateDirectory(destination);
        File.WriteAllText(Path.Combine(destination, "notes.txt"), "mine");

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Begin(destination));

        Assert.StartsWith($"'{destination}' exists and rfsim will not replace it: it holds files rfsim did not write (notes.txt)", error.Message, StringComparison.Ordinal);
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
