namespace RedisFailoverSim.Cli.Scenarios;

/// <summary>
/// Finds the bundled <c>scenarios/</c> folder: searched upward from each root in turn (the current folder, then
/// the tool's own folder, where the package puts a copy).
/// </summary>
internal static class BundledScenarios
{
    /// <summary>The folder's name.</summary>
    public const string FolderName = "scenarios";

    /// <summary>The first <c>scenarios/</c> folder holding YAML files found upward from the roots, or null.</summary>
    public static string? FindFolder(IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (Directory.Exists(candidate) && Files(candidate).Count > 0)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The YAML files of a folder, sorted by name (ordinal).</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.yaml")
            .Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Resolves what the user typed as a scenario: an existing file as is; otherwise a bare name
    /// (<c>primary-crash</c> or <c>primary-crash.yaml</c>) of a bundled scenario; otherwise the input unchanged.
    /// </summary>
    public static string Resolve(string input, IEnumerable<string> roots)
    {
        if (File.Exists(input) || input.Contains('/') || input.Contains('\\'))
        {
            return input;
        }

        var folder = FindFolder(roots);
        if (folder is null)
        {
            return input;
        }

        foreach (var name in new[] { input, input + ".yaml", input + ".yml" })
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return input;
    }

    /// <summary>The first sentence of a description: up to the first ". " or line break, trimmed.</summary>
    public static string FirstSentence(string description)
    {
        var text = description.Trim().ReplaceLineEndings(" ");
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }
}
