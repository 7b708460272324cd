using System.Text.RegularExpressions;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// Finds where a YAML mistake really is when the parser cannot say: YamlDotNet (16.x) throws a bare
/// <see cref="InvalidOperationException"/> for a flow mapping or list left open at the end of the file, and reports a
/// tab or an unknown alias at the start of the enclosing scalar or document. A rough scan of the text (quotes and
/// comments skipped) gives the position the user has to look at.
/// </summary>
internal static class YamlErrorPosition
{
    /// <summary>The position (1-based) and the bracket of the innermost '{' or '[' never closed, or null.</summary>
    public static (int Line, int Column, char Opener)? UnclosedBracket(string text)
    {
        var open = new Stack<(int Line, int Column, char Opener)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            char quote = '\0';
            var line = lines[i];
            for (var j = 0; j < line.Length; j++)
            {
                var c = line[j];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }

                    continue;
                }

                if (c is '"' or '\'' && (j == 0 || line[j - 1] is ' ' or '{' or '[' or ',' or ':'))
                {
                    quote = c;
                }
                else if (c == '#' && (j == 0 || line[j - 1] is ' ' or '\t'))
                {
                    break;
                }
                else if (c is '{' or '[')
                {
                    open.Push((i + 1, j + 1, c));
                }
                else if (c is '}' or ']' && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }

        return open.Count > 0 ? open.Peek() : null;
    }

    /// <summary>The first tab at or after <paramref name="fromLine"/> that is not inside quotes or a comment.</summary>
    public static (int Line, int Column)? FirstTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var line = StripComment(lines[i]);
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>Where the alias <c>*name</c> is first used, or null.</summary>
    public static (int Line, int Column)? Alias(string text, string name)
    {
        var pattern = new Regex(@"(?<![\w*])\*" + Regex.Escape(name) + @"(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = pattern.Match(StripComment(lines[i]));
            if (match.Success)
            {
                return (i + 1, match.Index + 1);
            }
        }

        return null;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return line.StartsWith('#') ? "" : hash >= 0 ? line[..hash] : line;
    }
}
