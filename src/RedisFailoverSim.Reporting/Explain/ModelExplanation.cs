using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Reporting.Terminal;

namespace RedisFailoverSim.Reporting.Explain;

/// <summary>
/// Writes what <c>rfsim explain</c> prints for one path: the model in words, every documented default with its
/// source, and every assumption with its id, the scenario key that changes it and its default value.
/// </summary>
public static class ModelExplanation
{
    /// <summary>The text width.</summary>
    public const int Width = 100;

    /// <summary>Writes the explanation of <paramref name="path"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="path">The path's name.</param>
    /// <param name="defaults">Every model default; those for this path (or <c>all</c>) are printed.</param>
    /// <param name="assumptions">The assumptions that apply to this path.</param>
    public static void Write(
        TextWriter output,
        string path,
        IReadOnlyList<ModelDefault> defaults,
        IReadOnlyList<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(assumptions);
        output.WriteLine(path);
        output.WriteLine(new string('=', path.Length));
        foreach (var line in TextWrap.Lines(PathModels.Describe(path) ?? "(no description)", Width))
        {
            output.WriteLine(line);
        }

        if (PathModels.Describe(path, cluster: true) is { } clustered && clustered != PathModels.Describe(path))
        {
            // The same path runs a cluster: scenario with several shards (a Redis Cluster, MemoryDB's or Serverless's shards).
            output.WriteLine();
            foreach (var line in TextWrap.Lines("With a cluster: section: " + clustered, Width))
            {
                output.WriteLine(line);
            }
        }

        output.WriteLine();
        var forPath = defaults.Where(d => AppliesTo(d.Paths, path)).ToList();
        output.WriteLine($"Defaults ({forPath.Count}), each with its source:");
        output.WriteLine(TextWrap.Hanging(
            "  ",
            $"(§n is a section of {SourcesDocument.RepositoryPath} in the repository, with the URL or file and line "
                + "and the date read; 'rfsim explain --source n' prints it)",
            Width));
        if (forPath.Count == 0)
        {
            output.WriteLine("  (none listed yet)");
        }

        foreach (var d in forPath)
        {
            output.WriteLine(TextWrap.Hanging($"  {d.Name}: ", d.Value, Width));
            output.WriteLine(TextWrap.Hanging("      ", $"source {d.Source}; {Key(d.Parameter)}", Width));
        }

        output.WriteLine();
        output.WriteLine($"Assumptions ({assumptions.Count}), where no source says:");
        foreach (var a in assumptions)
        {
            output.WriteLine(TextWrap.Hanging($"  {a.Id}: ", a.Text, Width));
            output.WriteLine(TextWrap.Hanging("      ", $"default {a.DefaultValue}; {Key(a.Parameter)}", Width));
        }
    }

    /// <summary>True when a comma-separated path list (or <c>all</c>) includes <paramref name="path"/>.</summary>
    public static bool AppliesTo(string paths, string path)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths == "all" || paths.Split(',', StringSplitOptions.TrimEntries).Contains(path);
    }

    private static string Key(string? parameter) =>
        parameter is null ? "fixed (no scenario key)" : "scenario key " + parameter;
}
