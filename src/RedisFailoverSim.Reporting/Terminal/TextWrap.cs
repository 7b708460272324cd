namespace RedisFailoverSim.Reporting.Terminal;

/// <summary>Word wrapping for plain-text output (help, explain, reports).</summary>
public static class TextWrap
{
    /// <summary>
    /// Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters at spaces (a word
    /// longer than the width gets a line of its own).
    /// </summary>
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// <paramref name="text"/> wrapped to <paramref name="width"/>, the first line after <paramref name="first"/>
    /// and the following ones indented to line up with it.
    /// </summary>
    public static string Hanging(string first, string text, int width)
    {
        ArgumentNullException.ThrowIfNull(first);
        var indent = new string(' ', first.Length);
        var lines = Lines(text, Math.Max(20, width - first.Length));
        return string.Join('\n', lines.Select((line, i) => (i == 0 ? first : indent) + line));
    }
}
