using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RedisFailoverSim.Reporting.Output;

/// <summary>
/// The list of files rfsim wrote into a folder, each with its SHA-256, kept in the folder itself. It is the only
/// thing that lets rfsim replace or delete something there: a folder (or, for the chart gallery, a file) is rfsim's
/// to replace only when the manifest lists it and its bytes are unchanged. A user's <c>results.json</c>, thesis or
/// edited chart is never touched.
/// </summary>
public sealed class OutputManifest
{
    /// <summary>The manifest of a run, sweep or merge output folder.</summary>
    public const string RunFileName = "rfsim-manifest.json";

    private const string Format = "rfsim-output-manifest/1";

    private OutputManifest(IReadOnlyDictionary<string, string> files) => Files = files;

    /// <summary>File path relative to the folder ('/'-separated) → lower-case hex SHA-256, ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Hashes <paramref name="names"/> in <paramref name="folder"/> and writes the manifest there.</summary>
    public static void Write(string folder, string manifestName, IEnumerable<string> names)
    {
        var sorted = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("note", "Written by rfsim: the files it may replace here. Edit or add a file and rfsim leaves this folder alone.");
            json.WriteStartObject("files");
            foreach (var name in sorted)
            {
                json.WriteString(name, Sha256(Path.Combine(folder, name)));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        File.WriteAllBytes(Path.Combine(folder, manifestName), buffer.ToArray());
    }

    /// <summary>Reads the manifest in <paramref name="folder"/>; null when it is missing or not one of ours.</summary>
    public static OutputManifest? TryRead(string folder, string manifestName)
    {
        var path = Path.Combine(folder, manifestName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.GetString() != Format
                || !root.TryGetProperty("files", out var list) || list.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in list.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || !IsSafeRelativePath(entry.Name))
                {
                    return null;
                }

                files[entry.Name] = entry.Value.GetString()!;
            }

            return new OutputManifest(files);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="name"/> is listed and its bytes in <paramref name="folder"/> are unchanged.</summary>
    public bool IsUnchanged(string folder, string name)
    {
        if (!Files.TryGetValue(name, out var hash))
        {
            return false;
        }

        var path = Path.Combine(folder, name);
        try
        {
            return File.Exists(path) && string.Equals(Sha256(path), hash, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Every file under <paramref name="folder"/>, as '/'-separated relative paths in ordinal order.</summary>
    public static IReadOnlyList<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Why <paramref name="folder"/> is not wholly rfsim's to replace, or null when it is: every file under it is the
    /// manifest or a listed, unchanged file (subfolders count by their files). Lists at most a few names.
    /// </summary>
    public static string? WhyNotReplaceable(string folder, string manifestName)
    {
        var top = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        if (top.Count == 0)
        {
            return null;
        }

        var manifest = TryRead(folder, manifestName);
        if (manifest is null)
        {
            return $"it holds files rfsim did not write ({Names(top)}) and no {manifestName}";
        }

        var entries = FilesUnder(folder);
        if (entries.Count == 0)
        {
            return null; // Empty subfolders only: nothing of anyone's to lose.
        }

        var foreign = entries.Where(e => e != manifestName && !manifest.Files.ContainsKey(e)).ToList();
        if (foreign.Count > 0)
        {
            return $"it holds files rfsim did not write: {Names(foreign)}";
        }

        var changed = entries.Where(e => e != manifestName && !manifest.IsUnchanged(folder, e)).ToList();
        return changed.Count > 0 ? $"files rfsim wrote were changed since: {Names(changed)}" : null;
    }

    private static string Names(IReadOnlyList<string> names)
    {
        const int shown = 4;
        var text = string.Join(", ", names.Take(shown));
        return names.Count > shown
            ? text + string.Create(CultureInfo.InvariantCulture, $" and {names.Count - shown} more")
            : text;
    }

    private static bool IsSafeRelativePath(string name) =>
        name.Length > 0 && !Path.IsPathRooted(name) && !name.Contains('\\', StringComparison.Ordinal)
        && name.Split('/').All(part => part.Length > 0 && part is not "." and not "..");

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
