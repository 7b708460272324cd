using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>
/// A sweep's (or merge's) output folder: an <see cref="OutputFolder"/> (staging folder renamed into place at the end,
/// an earlier folder replaced only when its manifest says rfsim wrote all of it) whose writers are sweep files.
/// </summary>
internal sealed class SweepOutputFolder : IDisposable
{
    private readonly OutputFolder _folder;

    private SweepOutputFolder(OutputFolder folder) => _folder = folder;

    /// <summary>The files written, in order.</summary>
    public IReadOnlyList<string> Written => _folder.Written;

    /// <summary>Checks the destination and creates the staging folder; throws <see cref="OutputFolderException"/>.</summary>
    public static SweepOutputFolder Begin(string destination) => new(OutputFolder.Begin(destination));
    /// <summary>Writes each file into the staging folder, in order.</summary>
    public void WriteAll(SweepSetup setup, IReadOnlyList<SweepFile> files, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(files);

        // OutputFolder's writers take a RunReport; the sweep's writers close over the sweep report instead, so this
        // one only carries the scenario's identity.
        var carrier = new RunReport(
            setup.ScenarioName, setup.ScenarioDescription, setup.ScenarioSha256, setup.ScenarioFile, setup.Seed,
            setup.Tool, [], []);
        var writers = files.Select(f => (IReportFile)new ReportFile(f.FileName, (_, s) => f.Write(s))).ToList();
        _folder.WriteAll(carrier, writers, cancellation);
    }

    /// <summary>Moves the staging folder into place, replacing an earlier folder of ours.</summary>
    public void Commit() => _folder.Commit();

    /// <summary>Deletes the staging folder unless committed.</summary>
    public void Dispose() => _folder.Dispose();
}
