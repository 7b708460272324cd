using System.Reflection;
using System.Text.RegularExpressions;

namespace RedisFailoverSim.Reporting.Explain;

/// <summary>
/// The project's sources document (<c>docs/sources.md</c>), embedded in the tool so every citation
/// <c>docs/sources.md §n</c> can be followed without the repository: <c>rfsim explain --source n</c>.
/// </summary>
public static partial class SourcesDocument
{
    /// <summary>Where the document lives in the repository, as every citation names it.</summary>
    public const string RepositoryPath = "docs/sources.md";

    private static readonly Lazy<string[]> DocumentLines = new(Load);

    /// <summary>The section ids with a heading (<c>1</c>, <c>1.1</c>, …), in document order.</summary>
    public static IReadOnlyList<string> SectionIds =>
        DocumentLines.Value.Select(l => Heading().Match(l)).Where(m => m.Success).Select(m => m.Groups[2].Value).ToList();

    /// <summary>
    /// The text of section <paramref name="id"/> (<c>2.1</c> or <c>§2.1</c>) from its heading to the next heading of
    /// the same or a higher level; false when the document has no such section.
    /// </summary>
    public static bool TrySection(string id, out string text)
    {
        ArgumentNullException.ThrowIfNull(id);
        var wanted = id.Trim().TrimStart('§');
        var lines = DocumentLines.Value;
        for (var i = 0; i < lines.Length; i++)
        {
            var m = Heading().Match(lines[i]);
            if (!m.Success || m.Groups[2].Value != wanted)
            {
                continue;
            }

            var level = m.Groups[1].Value.Length;
            var end = i + 1;
            while (end < lines.Length && !EndsSection(lines[end], level))
            {
                end++;
            }

            text = string.Join('\n', lines[i..end]).TrimEnd() + "\n";
            return true;
        }

        text = "";
        return false;
    }

    private static bool EndsSection(string line, int level)
    {
        var m = AnyHeading().Match(line);
        return (m.Success && m.Groups[1].Value.Length <= level) || line.StartsWith("---", StringComparison.Ordinal);
    }

    private static string[] Load()
    {
        using var stream = typeof(SourcesDocument).Assembly.GetManifestResourceStream("RedisFailoverSim.docs.sources")
            ?? throw new InvalidOperationException("docs/sources.md is not embedded in " + Assembly.GetExecutingAssembly().GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n").Split('\n');
    }

    [GeneratedRegex(@"^(#+)\s+§(\d+(?:\.\d+)*)\s")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(#+)\s")]
    private static partial Regex AnyHeading();
}
