using System.Globalization;
using System.Text.RegularExpressions;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// Parses the text of one YAML scalar into a typed value. Each parser returns null and sets
/// <c>problem</c> to "expected …; found …" wording when the text does not fit.
/// </summary>
internal static partial class ScalarText
{
    /// <summary>The longest duration a scenario may name: 30 days, far beyond any sensible run.</summary>
    public static readonly SimDuration MaxDuration = SimDuration.FromSeconds(30L * 24 * 3600);

    private const string DurationExample = "e.g. 500ms, 30s, 1.5s, 2m, 1m30s";

    private static readonly (string Unit, long Nanoseconds)[] DurationUnits =
    [
        ("ns", 1),
        ("us", SimDuration.NanosecondsPerMicrosecond),
        ("µs", SimDuration.NanosecondsPerMicrosecond),
        ("ms", SimDuration.NanosecondsPerMillisecond),
        ("s", SimDuration.NanosecondsPerSecond),
        ("m", 60 * SimDuration.NanosecondsPerSecond),
        ("h", 3600 * SimDuration.NanosecondsPerSecond),
        ("d", 86_400 * SimDuration.NanosecondsPerSecond),
    ];

    // Size suffixes as redis.conf reads them: k/m/g are powers of 1000, kb/mb/gb powers of 1024.
    private static readonly (string Unit, long Bytes)[] SizeUnits =
    [
        ("b", 1),
        ("k", 1000),
        ("kb", 1024),
        ("m", 1000 * 1000),
        ("mb", 1024 * 1024),
        ("g", 1000 * 1000 * 1000),
        ("gb", 1024 * 1024 * 1024),
    ];

    /// <summary>
    /// A duration with units: <c>500ms</c>, <c>30s</c>, <c>1.5s</c>, <c>2m</c>, <c>1m30s</c>. A unitless number is refused:
    /// the reader could not know whether <c>30</c> meant seconds or milliseconds.
    /// </summary>
    public static SimDuration? Duration(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        if (NumberPattern().IsMatch(trimmed))
        {
            problem = $"expected a duration with a unit ({DurationExample}); found the unitless number {trimmed}";
            return null;
        }

        var negative = trimmed.StartsWith('-');
        var body = negative ? trimmed[1..] : trimmed;
        var parts = DurationPartPattern().Matches(body);
        if (body.Length == 0 || parts.Sum(p => p.Length) != body.Length)
        {
            problem = $"expected a duration with a unit ({DurationExample}); found '{text}'";
            return null;
        }

        decimal nanoseconds = 0;
        foreach (Match part in parts)
        {
            var unit = DurationUnits.First(u => u.Unit == part.Groups[2].Value.ToLowerInvariant());

            // Bounded before multiplying, so neither the parse nor the product can overflow a decimal.
            if (!decimal.TryParse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || amount > MaxDuration.Nanoseconds
                || (nanoseconds += amount * unit.Nanoseconds) > MaxDuration.Nanoseconds)
            {
                problem = $"expected a duration of at most 30 days; found '{text}'";
                return null;
            }
        }

        if (nanoseconds != decimal.Truncate(nanoseconds))
        {
            problem = $"expected a whole number of nanoseconds; found '{text}'";
            return null;
        }

        if (negative && nanoseconds != 0)
        {
            problem = $"expected a duration that is not negative; found '{text}'";
            return null;
        }

        return SimDuration.FromNanoseconds((long)nanoseconds);
    }

    /// <summary>A size in bytes: <c>100</c>, <c>100kb</c>, <c>1mb</c> (suffixes as in <c>redis.conf</c>, case-insensitive).</summary>
    public static long? Size(string text, out string? problem)
    {
        problem = null;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            problem = $"expected a size in bytes (e.g. 512, 100kb, 1mb); found '{text}'";
            return null;
        }

        var unitText = match.Groups[2].Value.ToLowerInvariant();
        var unit = unitText.Length == 0 ? 1 : SizeUnits.First(u => u.Unit == unitText).Bytes;
        if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount > long.MaxValue / unit)
        {
            problem = $"expected a size that fits in 64 bits; found '{text}'";
            return null;
        }

        return amount * unit;
    }

    /// <summary>A number such as <c>100</c>, <c>0.25</c> or <c>1e3</c> (invariant culture).</summary>
    public static double? Number(string text, out string? problem)
    {
        problem = null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        problem = $"expected a number; found '{text}'";
        return null;
    }

    /// <summary>A whole number, optionally signed.</summary>
    public static long? Integer(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problem = NumberPattern().IsMatch(trimmed)
            ? $"expected a whole number; found {trimmed}"
            : $"expected a whole number; found '{text}'";
        return null;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static bool? Boolean(string text, out string? problem)
    {
        problem = null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problem = $"expected true or false; found '{text}'";
                return null;
        }
    }

    /// <summary>True for the plain scalars YAML reads as null: empty, <c>~</c>, <c>null</c>.</summary>
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPartPattern();

    [GeneratedRegex(@"^(\d+)\s*(b|k|kb|m|mb|g|gb)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
