using System.Security.Cryptography;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>
/// A sweep's output folder, written atomically by <see cref="OutputFolder"/> (staging folder, renamed into place at
/// the end). <see cref="OutputFolder"/> only replaces a folder that holds <c>results.json</c> (or is empty); an
/// earlier sweep or shard folder (it holds <c>sweep.json</c> or <c>sweep-partial.json</c>) is therefore moved
/// aside to <c>DIR.old-*</c> here first, deleted once the new folder is in place, and moved back when the sweep
/// fails or is cancelled.
/// </summary>
internal sealed class SweepOutputFolder : IDisposable
{
    /// <summary>The files that mark a folder as an earlier sweep's, safe to replace.</summary>
    public static readonly IReadOnlyList<string> MarkerFiles = [SweepJsonWriter.FileName, SweepPartialJson.FileName];

    private readonly OutputFolder _folder;
    private readonly string _destination;
    private string? _aside;

    private SweepOutputFolder(OutputFolder folder, string destination, string? aside)
    {
        _folder = folder;
        _destination = destination;
        _aside = aside;
    }

    /// <summary>The files written, in order.</summary>
    public IReadOnlyList<string> Written => _folder.Written;

    /// <summary>Checks the destination and creates the staging folder; throws <see cref="OutputFolderException"/>.</summary>
    public static SweepOutputFolder Begin(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        string? aside = null;
        if (Directory.Exists(full) && !File.Exists(Path.Combine(full, OutputFolder.MarkerFile))
            && MarkerFiles.Any(m => File.Exists(Path.Combine(full, m))))
        {
            aside = full + ".old-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            try
            {
                Directory.Move(full, aside);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputFolderException(destination, $"cannot replace '{destination}': {e.Message}", e);
            }
        }

        try
        {
            return new SweepOutputFolder(OutputFolder.Begin(destination), full, aside);
        }
        catch
        {
            Restore(aside, full);
            throw;
        }
    }

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

    /// <summary>Moves the staging folder into place and deletes the earlier folder moved aside.</summary>
    public void Commit()
    {
        _folder.Commit();
        if (_aside is not null)
        {
            try
            {
                Directory.Delete(_aside, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort, as OutputFolder: a leftover is named .old-* and never mistaken for results.
            }

            _aside = null;
        }
    }

    /// <summary>Deletes the staging folder unless committed, and puts an earlier folder back.</summary>
    public void Dispose()
    {
        _folder.Dispose();
        Restore(_aside, _destination);
        _aside = null;
    }

    private static void Restore(string? aside, string destination)
    {
        if (aside is null || Directory.Exists(destination))
        {
            return;
        }

        try
        {
            Directory.Move(aside, destination);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the earlier results stay in the .old-* folder.
        }
    }
}
