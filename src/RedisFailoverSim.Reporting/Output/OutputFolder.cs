using System.Security.Cryptography;

namespace RedisFailoverSim.Reporting.Output;

/// <summary>
/// A run's output folder, written atomically: every file goes into a staging folder beside the destination
/// (<c>DIR.tmp-&lt;random&gt;</c>), and only when all of them are written is the staging folder renamed into
/// place, replacing a previous run's folder. Disposing without <see cref="Commit"/> (an error, Ctrl-C) deletes
/// the staging folder, so no half-written folder is ever left behind.
/// </summary>
/// <remarks>
/// Begin before the simulation so an unwritable destination fails in a second, not after the run. An existing
/// destination is replaced only when it looks like an earlier output folder (it holds <c>results.json</c>) or is
/// empty: <c>--out .</c> must never wipe a user's files.
/// </remarks>
public sealed class OutputFolder : IDisposable
{
    /// <summary>The file whose presence marks a folder as ours to replace.</summary>
    public const string MarkerFile = "results.json";

    private readonly List<string> _written = [];
    private bool _committed;
    private bool _disposed;

    private OutputFolder(string destination, string staging)
    {
        DestinationPath = destination;
        StagingPath = staging;
    }

    /// <summary>The folder the files end up in (full path).</summary>
    public string DestinationPath { get; }

    /// <summary>The staging folder the files are written into until <see cref="Commit"/>.</summary>
    public string StagingPath { get; }

    /// <summary>The files written so far, in writing order.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>
    /// Checks that <paramref name="destination"/> can be written and creates its staging folder (and any missing
    /// parent folders). Throws <see cref="OutputFolderException"/> with a plain reason when it cannot.
    /// </summary>
    public static OutputFolder Begin(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        if (File.Exists(full))
        {
            throw new OutputFolderException(destination, $"'{destination}' is a file, not a folder");
        }

        if (Directory.Exists(full) && !IsReplaceable(full))
        {
            throw new OutputFolderException(
                destination,
                $"'{destination}' exists and is not an rfsim output folder (it has files but no {MarkerFile}); "
                + "choose another --out or empty it");
        }

        var staging = full + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(destination, $"cannot create '{destination}': {e.Message}", e);
        }

        return new OutputFolder(full, staging);
    }

    /// <summary>
    /// Begins, writes every file, commits: the whole folder or nothing. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Write(
        string destination,
        RunReport report,
        IReadOnlyList<IReportFile> files,
        CancellationToken cancellation = default)
    {
        using var folder = Begin(destination);
        folder.WriteAll(report, files, cancellation);
        folder.Commit();
        return folder.Written;
    }

    /// <summary>
    /// Writes each file into the staging folder, in order, checking <paramref name="cancellation"/> between files.
    /// A writer's exception propagates (wrapped in <see cref="OutputFolderException"/> when it is disk trouble).
    /// </summary>
    public void WriteAll(RunReport report, IReadOnlyList<IReportFile> files, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(files);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfCommitted();
        CheckNames(files);
        foreach (var file in files)
        {
            cancellation.ThrowIfCancellationRequested();
            var target = Path.Combine(StagingPath, file.FileName);
            try
            {
                using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                file.Write(report, stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputFolderException(DestinationPath, $"cannot write {file.FileName}: {e.Message}", e);
            }

            _written.Add(file.FileName);
        }
    }

    /// <summary>
    /// Moves the staging folder into place. An earlier folder at the destination is moved aside first and deleted
    /// after, and put back if the move fails.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfCommitted();
        var previous = Directory.Exists(DestinationPath)
            ? DestinationPath + ".old-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))
            : null;
        try
        {
            if (previous is not null)
            {
                Directory.Move(DestinationPath, previous);
            }

            try
            {
                Directory.Move(StagingPath, DestinationPath);
            }
            catch when (previous is not null)
            {
                Directory.Move(previous, DestinationPath);
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(DestinationPath, $"cannot move the results into '{DestinationPath}': {e.Message}", e);
        }

        _committed = true;
        if (previous is not null)
        {
            TryDelete(previous);
        }
    }

    /// <summary>Deletes the staging folder unless the folder was committed.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_committed)
        {
            TryDelete(StagingPath);
        }
    }

    private static bool IsReplaceable(string folder) =>
        File.Exists(Path.Combine(folder, MarkerFile)) || !Directory.EnumerateFileSystemEntries(folder).Any();

    private static void CheckNames(IReadOnlyList<IReportFile> files)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = file.FileName;
            if (string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name) || name is "." or "..")
            {
                throw new ArgumentException($"report file name '{name}' must be a plain file name", nameof(files));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"report file name '{name}' appears twice", nameof(files));
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover staging or old folder is named .tmp-/.old- and never mistaken for results.
        }
    }

    private void ThrowIfCommitted()
    {
        if (_committed)
        {
            throw new InvalidOperationException("the output folder is already committed");
        }
    }
}
