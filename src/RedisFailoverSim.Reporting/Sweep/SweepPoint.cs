using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// One point of a sweep's grid: one value per varied setting (none without <c>--vary</c>). Points are numbered
/// with the first axis outermost: with axes of 8 and 6 values, point 7 is (first value 1, second value 1).
/// </summary>
/// <param name="Index">The point's number, from 0.</param>
/// <param name="Values">One value per axis, in axis order.</param>
/// <param name="Overrides">The settings written into the scenario for this point, in axis order.</param>
public sealed record SweepPoint(int Index, IReadOnlyList<SweepValue> Values, IReadOnlyList<ScenarioOverride> Overrides)
{
    /// <summary>The point in words: <c>faults[0].duration=5s, sentinel.quorum=2</c>; empty without axes.</summary>
    public string Label => string.Join(", ", Overrides.Select(o => $"{o.Key}={o.Value}"));

    /// <summary>Every point of the grid spanned by <paramref name="axes"/> (one point when there are none).</summary>
    public static IReadOnlyList<SweepPoint> Grid(IReadOnlyList<SweepAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var points = new List<SweepPoint>();
        var combinations = new List<IReadOnlyList<SweepValue>> { Array.Empty<SweepValue>() };
        foreach (var axis in axes)
        {
            combinations = combinations
                .SelectMany(prefix => axis.Values.Select(v => (IReadOnlyList<SweepValue>)[.. prefix, v]))
                .ToList();
        }

        foreach (var values in combinations)
        {
            var overrides = axes.Select((axis, i) => new ScenarioOverride(axis.Key, values[i].Text)).ToList();
            points.Add(new SweepPoint(points.Count, values, overrides));
        }

        return points;
    }
}
