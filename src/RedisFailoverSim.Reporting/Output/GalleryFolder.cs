namespace RedisFailoverSim.Reporting.Output;

/// <summary>
/// The chart gallery folder (<c>rfsim plots --out DIR</c>, <c>plots/</c> in the repository), which holds other
/// things too (a calibration folder, sweep charts, a user's notes). rfsim writes its files there one by one, each
/// through a temporary file renamed into place, and records them in <c>gallery-manifest.json</c>. It replaces or
/// removes only files that manifest lists with unchanged bytes; a file of the same name that rfsim did not write, or
/// that was edited since, makes it refuse before anything is written.
/// </summary>
public static class GalleryFolder
{
    /// <summary>The gallery's manifest file.</summary>
    public const string ManifestFile = "gallery-manifest.json";

    /// <summary>
    /// Creates <paramref name="folder"/> if needed and checks it can be written; call before rendering so a bad
    /// folder fails at once. Throws <see cref="OutputFolderException"/>.
    /// </summary>
    public static void CheckWritable(string folder)
    {
        var full = OutputFolder.Resolve(folder);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, ".rfsim-probe-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(folder, $"cannot write into '{folder}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="files"/> (plain names → bytes) into <paramref name="folder"/>, removes the files the
    /// previous gallery wrote that are no longer produced (when unchanged) and rewrites the manifest. Returns the
    /// names of earlier gallery files kept because they were edited.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var full = OutputFolder.Resolve(folder);
        Directory.CreateDirectory(full);
        var previous = OutputManifest.TryRead(full, ManifestFile);
        var conflicts = files
            .Where(f => File.Exists(Path.Combine(full, f.Name)) || Directory.Exists(Path.Combine(full, f.Name)))
            .Where(f => previous is null || !previous.IsUnchanged(full, f.Name))
            .Select(f => f.Name)
            .ToList();
        if (conflicts.Count > 0)
        {
            throw new OutputFolderException(
                folder,
                $"'{folder}' holds {string.Join(", ", conflicts.Take(4))}{(conflicts.Count > 4 ? " and more" : "")}, which rfsim did not "
                + $"write (or which were changed since; {ManifestFile} lists what rfsim wrote). rfsim will not replace them: "
                + "move them away or choose another --out");
        }

        try
        {
            foreach (var (name, bytes) in files)
            {
                var target = Path.Combine(full, name);
                var temporary = target + ".rfsim-tmp";
                File.WriteAllBytes(temporary, bytes);
                File.Move(temporary, target, overwrite: true);
            }

            var kept = new List<string>();
            var written = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in previous?.Files.Keys ?? [])
            {
                if (written.Contains(name))
                {
                    continue;
                }

                if (previous!.IsUnchanged(full, name))
                {
                    File.Delete(Path.Combine(full, name));
                }
                else if (File.Exists(Path.Combine(full, name)))
                {
                    kept.Add(name);
                }
            }

            OutputManifest.Write(full, ManifestFile, written);
            return kept;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(folder, $"cannot write into '{folder}': {e.Message}", e);
        }
    }
}
