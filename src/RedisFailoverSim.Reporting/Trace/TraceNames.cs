using System.Globalization;
using System.Text.RegularExpressions;

namespace RedisFailoverSim.Reporting.Trace;

/// <summary>Recognises member names (<c>n1</c>, <c>s3</c>, <c>c12</c>, <c>sentinel-3</c>) and orders them.</summary>
internal static partial class TraceNames
{
    /// <summary>Orders names like n2 before n10.</summary>
    public static IComparer<string> NaturalOrder { get; } = Comparer<string>.Create(Compare);

    /// <summary>True for a word that is a member name: letters (and dashes) then digits.</summary>
    public static bool IsName(string token)
    {
        int i = 0;
        while (i < token.Length && (char.IsAsciiLetter(token[i]) || (i > 0 && token[i] == '-')))
        {
            i++;
        }

        int letters = i;
        while (i < token.Length && char.IsAsciiDigit(token[i]))
        {
            i++;
        }

        return letters > 0 && i > letters && i == token.Length;
    }

    /// <summary>Every member name in <paramref name="text"/>, in order (<c>{n1,n2}</c> gives n1 and n2).</summary>
    public static IEnumerable<string> In(string text) => NamePattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"(?<![\w-])[A-Za-z][A-Za-z-]*[0-9]+(?![\w-])")]
    private static partial Regex NamePattern();

    private static int Compare(string? x, string? y)
    {
        var (xp, xn) = Split(x ?? "");
        var (yp, yn) = Split(y ?? "");
        int c = string.CompareOrdinal(xp, yp);
        return c != 0 ? c : xn.CompareTo(yn);
    }

    private static (string Prefix, long Number) Split(string s)
    {
        int i = s.Length;
        while (i > 0 && char.IsAsciiDigit(s[i - 1]))
        {
            i--;
        }

        return i < s.Length && long.TryParse(s[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (s[..i], n)
            : (s, -1);
    }
}
