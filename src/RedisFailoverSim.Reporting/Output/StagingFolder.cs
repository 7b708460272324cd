using System.Security.Cryptography;

namespace RedisFailoverSim.Reporting.Output;

/// <summary>
/// The folder a run writes into before it is renamed into place: <c>DIR.tmp-&lt;random&gt;</c> beside the
/// destination, holding an exclusively locked <c>.rfsim-staging.lock</c> while its run lives. A run killed with
/// SIGKILL cannot clean up; the next run for the same destination removes the staging folders whose lock no process
/// holds, and puts back (or removes) a <c>DIR.old-*</c> folder a commit left half-done.
/// </summary>
internal sealed class StagingFolder : IDisposable
{
    /// <summary>The lock file inside a live staging folder.</summary>
    public const string LockFileName = ".rfsim-staging.lock";

    private FileStream? _lock;

    private StagingFolder(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    /// <summary>The staging folder (full path).</summary>
    public string Path { get; }

    /// <summary>Creates a fresh, locked staging folder beside <paramref name="destination"/>.</summary>
    public static StagingFolder Create(string destination)
    {
        var path = destination + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Directory.CreateDirectory(path);
        var lockFile = new FileStream(
            System.IO.Path.Combine(path, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new StagingFolder(path, lockFile);
    }

    /// <summary>Releases and deletes the lock file: the folder then holds only the run's files.</summary>
    public void Unlock()
    {
        if (_lock is null)
        {
            return;
        }

        _lock.Dispose();
        _lock = null;
        File.Delete(System.IO.Path.Combine(Path, LockFileName));
    }

    /// <summary>Unlocks and deletes the staging folder (best effort).</summary>
    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
        TryDeleteTree(Path);
    }

    /// <summary>
    /// Cleans up after runs for <paramref name="destination"/> that were killed: removes their staging folders (those
    /// whose lock file no process holds) and restores or removes a half-committed <c>DIR.old-*</c> folder of ours.
    /// </summary>
    public static void SweepStale(string destination, string manifestName)
    {
        var parent = System.IO.Path.GetDirectoryName(destination);
        var name = System.IO.Path.GetFileName(destination);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }

        foreach (var staging in Siblings(parent, name + ".tmp-"))
        {
            if (IsAbandoned(staging))
            {
                TryDeleteTree(staging);
            }
        }

        foreach (var old in Siblings(parent, name + ".old-"))
        {
            if (OutputManifest.TryRead(old, manifestName) is null || OutputManifest.WhyNotReplaceable(old, manifestName) is not null)
            {
                continue; // Not provably ours: leave it.
            }

            if (!Directory.Exists(destination))
            {
                TryMove(old, destination);
            }
            else
            {
                TryDeleteTree(old);
            }
        }
    }

    /// <summary>Deletes a folder tree, ignoring disk trouble: leftovers are named .tmp-/.old- and never taken for results.</summary>
    public static void TryDeleteTree(string folder)
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
            // Best effort, see the summary.
        }
    }

    private static IEnumerable<string> Siblings(string parent, string prefix) =>
        Directory.EnumerateDirectories(parent, prefix + "*").Order(StringComparer.Ordinal).ToList();

    // A staging folder is abandoned when its lock file exists and can be locked: its process is gone. Without a lock
    // file it is a run committing this instant (or one killed in the microseconds between unlocking and the rename,
    // which cannot be told apart from it): left alone.
    private static bool IsAbandoned(string staging)
    {
        var lockPath = System.IO.Path.Combine(staging, LockFileName);
        if (!File.Exists(lockPath))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryMove(string from, string to)
    {
        try
        {
            Directory.Move(from, to);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the earlier results stay in the .old-* folder.
        }
    }
}
