using System.Security.Cryptography;

namespace RedisFailoverSim.Reporting.Output;

/// <summary>
/// A run's output folder, written atomically: every file goes into a staging folder beside the destination
/// (<see cref="StagingFolder"/>), and only when all of them are written is the staging folder renamed into
/// place. Disposing without <see cref="Commit"/> (an error, Ctrl-C) deletes the staging folder, so no half-written
/// folder is ever left behind.
/// </summary>
/// <remarks>
/// Begin before the simulation so an unwritable destination fails in a second, not after the run. An existing
/// destination is replaced only when it is empty or holds exactly what rfsim wrote there, unchanged, as its
/// <see cref="OutputManifest"/> lists: <c>--out .</c> or <c>--out ~/thesis</c> must never lose a user's file.
/// </remarks>
public sealed class OutputFolder : IDisposable
{
    /// <summary>The manifest every output folder carries; what makes it rfsim's to replace.</summary>
    public const string ManifestFile = OutputManifest.RunFileName;

    private readonly List<string> _written = [];
    private readonly StagingFolder _staging;
    private readonly IReadOnlyList<string> _createdParents;
    private bool _committed;
    private bool _disposed;

    private OutputFolder(string destination, StagingFolder staging, IReadOnlyList<string> createdParents)
    {
        DestinationPath = destination;
        _staging = staging;
        _createdParents = createdParents;
    }

    /// <summary>The folder the files end up in (full path).</summary>
    public string DestinationPath { get; }

    /// <summary>The staging folder the files are written into until <see cref="Commit"/>.</summary>
    public string StagingPath => _staging.Path;

    /// <summary>The files written so far, in writing order.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>
    /// Checks that <paramref name="destination"/> can be written and replaced, and creates its staging folder (and
    /// any missing parent folders, removed again when the run does not commit). Throws
    /// <see cref="OutputFolderException"/> with a plain reason when it cannot.
    /// </summary>
    public static OutputFolder Begin(string destination)
    {
        var full = Resolve(destination);
        try
        {
            StagingFolder.SweepStale(full, ManifestFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cleaning up after killed runs is a courtesy; the checks below decide.
        }

        CheckReplaceable(destination, full);
        var created = new List<string>();
        try
        {
            for (var parent = Path.GetDirectoryName(full); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
            {
                created.Add(parent);
            }

            created.Reverse();
            foreach (var parent in created)
            {
                Directory.CreateDirectory(parent);
            }

            return new OutputFolder(full, StagingFolder.Create(full), created);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveCreated(created);
            throw new OutputFolderException(destination, $"cannot create '{destination}': {e.Message}", e);
        }
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
    /// Writes the manifest and moves the staging folder into place. An earlier folder at the destination (checked
    /// again: it must still be rfsim's) is moved aside first and deleted after, and put back if the move fails.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfCommitted();
        CheckReplaceable(DestinationPath, DestinationPath);
        string? previous = null;
        try
        {
            _staging.Unlock();
            OutputManifest.Write(StagingPath, ManifestFile, OutputManifest.FilesUnder(StagingPath));
            if (Directory.Exists(DestinationPath))
            {
                previous = DestinationPath + ".old-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
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
            StagingFolder.TryDeleteTree(previous);
        }
    }

    /// <summary>Deletes the staging folder (and the parent folders Begin created) unless the folder was committed.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_committed)
        {
            _staging.Dispose();
            RemoveCreated(_createdParents);
        }
    }

    /// <summary>The full destination path; refuses an empty path, a file system root and an existing file.</summary>
    public static string Resolve(string destination)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new OutputFolderException(destination ?? "", "--out needs a folder name (it was empty)");
        }

        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputFolderException(destination, $"'{destination}' is not a usable folder name: {e.Message}", e);
        }

        if (Path.GetDirectoryName(full) is null)
        {
            throw new OutputFolderException(destination, $"'{destination}' is the root of the file system; choose a folder inside it");
        }

        if (File.Exists(full))
        {
            throw new OutputFolderException(destination, $"'{destination}' is a file, not a folder");
        }

        return full;
    }

    private static void CheckReplaceable(string destination, string full)
    {
        if (!Directory.Exists(full))
        {
            return;
        }

        string? why;
        try
        {
            why = OutputManifest.WhyNotReplaceable(full, ManifestFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = $"it cannot be read: {e.Message}";
        }

        if (why is not null)
        {
            throw new OutputFolderException(
                destination,
                $"'{destination}' exists and rfsim will not replace it: {why}. Choose another --out, or empty the folder yourself");
        }
    }

    private static void RemoveCreated(IReadOnlyList<string> created)
    {
        for (var i = created.Count - 1; i >= 0; i--)
        {
            try
            {
                if (Directory.Exists(created[i]) && !Directory.EnumerateFileSystemEntries(created[i]).Any())
                {
                    Directory.Delete(created[i]);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: an empty folder is left.
            }
        }
    }

    private static void CheckNames(IReadOnlyList<IReportFile> files)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = file.FileName;
            if (string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name) || name is "." or ".." || name == ManifestFile)
            {
                throw new ArgumentException($"report file name '{name}' must be a plain file name", nameof(files));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"report file name '{name}' appears twice", nameof(files));
            }
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
