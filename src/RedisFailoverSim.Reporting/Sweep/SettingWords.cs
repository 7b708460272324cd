using System.Globalization;
using System.Text.RegularExpressions;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// A varied setting in words for chart axes and titles: <c>faults[0].duration</c> → <c>fault 1 duration</c>,
/// <c>sentinel.down-after-milliseconds</c> → <c>Sentinel down-after-milliseconds</c>. The key itself, as typed after
/// <c>--vary</c>, stays in the caption and the tables, so the chart still says exactly what was varied.
/// </summary>
public static partial class SettingWords
{
    /// <summary>The setting <paramref name="key"/> in words.</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('.').Select(Part).Where(p => p.Length > 0).ToList();
        return string.Join(' ', parts);
    }

    /// <summary>The axis label: words and unit, <c>fault 1 duration (s)</c>.</summary>
    public static string Label(SweepAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return axis.Unit.Length == 0 ? Of(axis.Key) : $"{Of(axis.Key)} ({axis.Unit})";
    }

    private static string Part(string part)
    {
        // Lists read as "the first fault" in words, counted from 1 like a person counts.
        var indexed = Indexed().Match(part);
        if (indexed.Success)
        {
            var number = int.Parse(indexed.Groups["index"].Value, CultureInfo.InvariantCulture) + 1;
            return $"{Singular(indexed.Groups["list"].Value)} {number.ToString(CultureInfo.InvariantCulture)}";
        }

        return part switch
        {
            "topology" => "",
            "sentinel" => "Sentinel",
            _ => part,
        };
    }

    private static string Singular(string list) => list switch
    {
        "faults" => "fault",
        "nodes" => "node",
        "clients" => "client",
        _ => list.EndsWith('s') ? list[..^1] : list,
    };

    [GeneratedRegex(@"^(?<list>[a-z_-]+)\[(?<index>[0-9]+)\]$")]
    private static partial Regex Indexed();
}
