using System.Globalization;
using System.Text.RegularExpressions;
using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>
/// Reads <c>--vary name=from..to:steps</c> into the values written into the scenario, one override per grid
/// point. The values are spaced evenly from <c>from</c> to <c>to</c>, both included, in the unit given:
/// <list type="bullet">
/// <item>durations (<c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>) are rounded to whole
/// nanoseconds, what the loader accepts, and written in the unit given (<c>5s..120s:8</c> → <c>5s</c>,
/// <c>21.428571429s</c>, …, <c>120s</c>); minutes, hours and days are written in seconds, whose decimals are exact;</item>
/// <item>plain numbers and other units: when both ends are whole numbers the values are rounded to whole numbers
/// (half away from zero), so integer settings such as <c>sentinel.down-after-milliseconds=5000..30000:4</c> work;
/// write a decimal point (<c>0.0..1.0:5</c>) for fractions, which keep up to 6 decimals.</item>
/// </list>
/// Or a list, <c>--vary name=a,b,c</c>: the values as written, in order (names such as client libraries, or numbers
/// that are not evenly spaced).
/// Whether the setting exists and takes such a value is the loader's call, with its usual messages.
/// </summary>
internal static partial class VaryParser
{
    /// <summary>The most values one axis may have.</summary>
    public const int MaxSteps = 1000;

    private const string Example = "e.g. faults[0].duration=5s..120s:8";

    private static readonly Dictionary<string, long> DurationUnits = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["µs"] = 1_000,
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,
        ["d"] = 86_400_000_000_000,
    };

    /// <summary>The axis, or null with the reason in <paramref name="problem"/> (one line, no prefix).</summary>
    public static SweepAxis? TryParse(string text, out string? problem)
    {
        problem = null;
        if (ListPattern().Match(text.Trim()) is { Success: true } list && !list.Groups["values"].Value.Contains("..", StringComparison.Ordinal))
        {
            return TryList(text, list.Groups["key"].Value.Trim(), list.Groups["values"].Value, out problem);
        }

        var match = SpecPattern().Match(text.Trim());
        if (!match.Success)
        {
            problem = $"expected name=from..to:steps ({Example}) or name=a,b,c (e.g. client.library=stackexchange-redis,redis-py); found '{text}'";
            return null;
        }

        var key = match.Groups["key"].Value.Trim();
        var fromText = match.Groups["from"].Value.Trim();
        var toText = match.Groups["to"].Value.Trim();
        if (!int.TryParse(match.Groups["steps"].Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var steps)
            || steps < 2 || steps > MaxSteps)
        {
            problem = $"'{text}': steps must be a whole number from 2 to {MaxSteps} (the values include both ends); "
                + $"found '{match.Groups["steps"].Value.Trim()}'";
            return null;
        }

        if (!TryNumber(fromText, out var from, out var fromUnit) || !TryNumber(toText, out var to, out var toUnit))
        {
            problem = $"'{text}': expected from and to as numbers with an optional unit (5000, 0.5, 30s, 250ms); "
                + $"found '{fromText}' and '{toText}'";
            return null;
        }

        if (fromUnit != toUnit)
        {
            problem = $"'{text}': write both ends in the same unit (found '{fromUnit}' and '{toUnit}'), e.g. 500ms..2000ms";
            return null;
        }

        var values = DurationUnits.TryGetValue(fromUnit, out var nanosecondsPerUnit)
            ? DurationValues(from, to, steps, fromUnit, nanosecondsPerUnit)
            : NumberValues(fromText, toText, from, to, steps, fromUnit);
        var repeated = values.GroupBy(v => v.Text).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            problem = $"'{text}': {steps} steps give the value {repeated.Key} twice after rounding; use fewer steps"
                + (DurationUnits.ContainsKey(fromUnit) ? "" : " or write the ends with a decimal point (e.g. 1.0..2.0)");
            return null;
        }

        return new SweepAxis(key, fromText, toText, steps, fromUnit, values);
    }

    private static SweepAxis? TryList(string text, string key, string valuesText, out string? problem)
    {
        problem = null;
        var values = valuesText.Split(',').Select(v => v.Trim()).ToList();
        if (values.Any(v => v.Length == 0))
        {
            problem = $"'{text}': a list needs a value between every two commas and at both ends";
            return null;
        }

        if (values.Count > MaxSteps)
        {
            problem = $"'{text}': at most {MaxSteps} values; found {values.Count}";
            return null;
        }

        var repeated = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            problem = $"'{text}': the value {repeated.Key} is listed twice";
            return null;
        }

        return SweepAxis.List(key, values);
    }

    private static List<SweepValue> DurationValues(decimal from, decimal to, int steps, string unit, long nanosecondsPerUnit)
    {
        // Minutes, hours and days do not divide into decimals exactly: those are written back in seconds.
        var (writeUnit, writeFactor) = nanosecondsPerUnit > 1_000_000_000 ? ("s", 1_000_000_000L) : (unit, nanosecondsPerUnit);
        var values = new List<SweepValue>(steps);
        for (var k = 0; k < steps; k++)
        {
            var nanoseconds = Math.Round(Interpolate(from, to, k, steps) * nanosecondsPerUnit, MidpointRounding.AwayFromZero);
            var written = Normalize(nanoseconds / writeFactor);
            values.Add(new SweepValue(written + writeUnit, (double)(nanoseconds / nanosecondsPerUnit)));
        }

        return values;
    }

    private static List<SweepValue> NumberValues(string fromText, string toText, decimal from, decimal to, int steps, string unit)
    {
        var whole = IsWhole(fromText) && IsWhole(toText);
        var decimals = whole ? 0 : Math.Max(6, Math.Max(Decimals(fromText), Decimals(toText)));
        var values = new List<SweepValue>(steps);
        for (var k = 0; k < steps; k++)
        {
            var value = Math.Round(Interpolate(from, to, k, steps), decimals, MidpointRounding.AwayFromZero);
            values.Add(new SweepValue(Normalize(value) + unit, (double)value));
        }

        return values;
    }

    /// <summary>from + (to − from)·k/(steps − 1) in decimal, so 5000..30000:6 gives exactly 10000, not 9999.999….</summary>
    private static decimal Interpolate(decimal from, decimal to, int k, int steps) =>
        k == steps - 1 ? to : from + ((to - from) * k / (steps - 1));

    private static bool TryNumber(string text, out decimal number, out string unit)
    {
        var match = NumberPattern().Match(text);
        unit = match.Success ? match.Groups["unit"].Value : "";
        number = 0;
        return match.Success
            && decimal.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsWhole(string text) =>
        !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);

    private static int Decimals(string text)
    {
        var number = NumberPattern().Match(text).Groups["number"].Value;
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : number.Length - dot - 1;
    }

    /// <summary>Invariant text without trailing zeros: 21.428571429, 5, -0.5; never "-0" or an exponent.</summary>
    private static string Normalize(decimal value)
    {
        if (value == 0)
        {
            return "0";
        }

        var text = value.ToString("F28", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    // A list has a comma and no range: client.library=redis-py,ioredis.
    [GeneratedRegex(@"^(?<key>[^=]+)=(?<values>.*,.*)$")]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^(?<key>[^=]+)=(?<from>.+?)\.\.(?<to>[^:]+):(?<steps>.+)$")]
    private static partial Regex SpecPattern();

    [GeneratedRegex(@"^(?<number>[-+]?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?)(?<unit>[a-zA-Zµ%]*)$")]
    private static partial Regex NumberPattern();
}
