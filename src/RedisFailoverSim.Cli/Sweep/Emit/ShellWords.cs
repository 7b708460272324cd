namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>Quotes words for a POSIX shell script (sh, bash): what the emitted job scripts run.</summary>
internal static class ShellWords
{
    /// <summary>
    /// The word as the shell should see it: unchanged when it holds only characters the shell never interprets,
    /// otherwise in single quotes (inside which nothing is special; a single quote itself becomes <c>'\''</c>).
    /// </summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(IsPlain) ? word : "'" + word.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The words quoted and joined by spaces.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or ',' or ':' or '=' or '+' or '@';
}
