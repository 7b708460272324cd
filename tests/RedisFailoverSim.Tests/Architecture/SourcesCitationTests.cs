using System.Text.RegularExpressions;

namespace RedisFailoverSim.Tests.Architecture;

/// <summary>
/// What a user reads may cite only what the user can open: documents in the repository, or the external files
/// docs/sources.md names with their repository and commit; and every <c>docs/sources.md §n</c> has its section.
/// </summary>
public class SourcesCitationTests
{
    private static readonly string Sources = Path.Combine(RepositoryRoot.Path, "docs", "sources.md");

    // The maintainers' notes outside the repository, by name; "FACTS §2.1" was the old citation form.
    private static readonly Regex OutsideDocument = new(
        @"\b(FACTS|ANCHORS|STYLE|ARCHITECTURE|DEPENDENCIES|DEVELOPERS)\.md\b|\b(FACTS|ANCHORS)\s*§|\.\./shared\b|\bshared/(design|reference)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex MarkdownName = new(@"(?<![\w/.-])([\w./-]*[\w-]+\.md)\b", RegexOptions.CultureInvariant);

    private static readonly Lazy<HashSet<string>> RepositoryMarkdownNames = new(() =>
        Files(RepositoryRoot.Path, "*.md").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal));

    private static readonly Regex SourcesCitation = new(@"sources\.md\)?\s*§(\d+(?:\.\d+)*)", RegexOptions.CultureInvariant);

    [Fact]
    public void UserFacingFiles_CiteNoDocumentOutsideTheRepository()
    {
        var problems = new List<string>();
        foreach (var (file, lineNumber, line) in UserFacingLines())
        {
            var match = OutsideDocument.Match(line);
            if (match.Success)
            {
                problems.Add($"{Relative(file)}:{lineNumber}: '{match.Value}' is not in the repository: cite docs/sources.md §n");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void UserFacingFiles_EveryMarkdownFileNamed_IsInTheRepositoryOrNamedBySources()
    {
        var sourcesText = File.ReadAllText(Sources);
        var problems = new List<string>();
        foreach (var (file, lineNumber, line) in UserFacingLines())
        {
            foreach (Match m in MarkdownName.Matches(line))
            {
                // report.md (rfsim run) and decision.md (rfsim decide) are what commands write, not documents cited.
                var name = m.Groups[1].Value;
                if (!name.EndsWith("report.md", StringComparison.Ordinal) && !name.EndsWith("decision.md", StringComparison.Ordinal) && !Exists(file, name) && !sourcesText.Contains(Path.GetFileName(name), StringComparison.Ordinal))
                {
                    problems.Add($"{Relative(file)}:{lineNumber}: '{name}' is neither in the repository nor named in docs/sources.md");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void SourcesCitations_EverySectionCited_IsAHeadingOfSources()
    {
        var headings = SectionHeadings();
        Assert.Contains("2.1", headings);
        var problems = new List<string>();
        var cited = 0;
        foreach (var (file, lineNumber, line) in UserFacingLines().Concat(LinesOf(Path.Combine(RepositoryRoot.Path, "tests"), "*.cs")))
        {
            foreach (Match m in SourcesCitation.Matches(line))
            {
                cited++;
                var section = m.Groups[1].Value;
                if (!headings.Contains(section))
                {
                    problems.Add($"{Relative(file)}:{lineNumber}: docs/sources.md §{section} has no heading");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(cited > 100, $"only {cited} citations found: is the search looking in the right place?");
    }

    [Fact]
    public void Sources_EverySection_SaysWhereAndWhenItWasRead()
    {
        // A section is the text under a "### §n.m" heading (or a "## §n" with no subsections).
        var lines = File.ReadAllLines(Sources);
        var problems = new List<string>();
        string? heading = null;
        var body = new List<string>();
        void Check()
        {
            // An introduction above the subsections states no fact of its own.
            if (heading is null || !body.Any(l => l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("| ", StringComparison.Ordinal)))
            {
                return;
            }

            var text = string.Join('\n', body);
            if (!Regex.IsMatch(text, @"read 20\d\d-\d\d-\d\d|measured 20\d\d-\d\d-\d\d"))
            {
                problems.Add($"{heading}: no date read");
            }

            if (!Regex.IsMatch(text, @"https?://|`[^`]*\.(md|c|h|conf|cs|java|py|clj)\b[^`]*`|\bl\.\d+"))
            {
                problems.Add($"{heading}: no URL or file");
            }
        }

        foreach (var line in lines)
        {
            if (Regex.IsMatch(line, @"^#{2,3} §"))
            {
                Check();
                heading = line;
                body.Clear();
            }
            else
            {
                body.Add(line);
            }
        }

        Check();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static HashSet<string> SectionHeadings()
    {
        var headings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Sources))
        {
            var m = Regex.Match(line, @"^#+\s+§(\d+(?:\.\d+)*)\s");
            if (m.Success)
            {
                headings.Add(m.Groups[1].Value);
            }
        }

        return headings;
    }

    private static IEnumerable<(string File, int Line, string Text)> UserFacingLines()
    {
        var root = RepositoryRoot.Path;
        var files = Files(Path.Combine(root, "src"), "*")
            .Concat(Files(Path.Combine(root, "scenarios"), "*"))
            .Concat(Files(Path.Combine(root, "bench"), "*.md"))
            .Concat(Files(Path.Combine(root, "plots"), "*.md"))
            .Append(Path.Combine(root, "README.md"))
            .Where(f => !f.EndsWith(".ttf", StringComparison.Ordinal) && !f.EndsWith(".png", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                yield return (file, i + 1, lines[i]);
            }
        }
    }

    private static IEnumerable<(string File, int Line, string Text)> LinesOf(string folder, string pattern)
    {
        foreach (var file in Files(folder, pattern))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                yield return (file, i + 1, lines[i]);
            }
        }
    }

    private static IEnumerable<string> Files(string folder, string pattern)
    {
        var bin = $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}";
        var obj = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        return Directory.GetFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains(bin, StringComparison.Ordinal) && !f.Contains(obj, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static bool Exists(string citingFile, string name)
    {
        var root = RepositoryRoot.Path;
        var here = Path.GetDirectoryName(citingFile)!;
        return File.Exists(Path.Combine(here, name)) || File.Exists(Path.Combine(root, name))
            || RepositoryMarkdownNames.Value.Contains(Path.GetFileName(name));
    }

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot.Path, file);
}
