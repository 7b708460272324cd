namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// One varied scenario setting (<c>--vary key=from..to:steps</c>, or a list <c>--vary client.library=a,b,c</c>) and
/// the values it takes, in order. A list's values are names, not numbers: each value's number is its position (0, 1,
/// …), and charts draw them as categories.
/// </summary>
/// <param name="Key">The setting, in the loader's override syntax: <c>faults[0].duration</c>.</param>
/// <param name="From">The first value as given: <c>5s</c>.</param>
/// <param name="To">The last value as given: <c>120s</c>.</param>
/// <param name="Steps">How many values, ends included.</param>
/// <param name="Unit">The unit written after the numbers (<c>s</c>, <c>ms</c>); empty for plain numbers.</param>
/// <param name="Values">The values, from first to last.</param>
public sealed record SweepAxis(string Key, string From, string To, int Steps, string Unit, IReadOnlyList<SweepValue> Values)
{
    /// <summary>True for a list of values (<c>client.library=redis-py,ioredis</c>) rather than a range.</summary>
    public bool IsList { get; init; }

    /// <summary>The key with its unit, for axis labels: <c>faults[0].duration (s)</c>.</summary>
    public string Label => Unit.Length == 0 ? Key : $"{Key} ({Unit})";

    /// <summary>The option that made it: <c>faults[0].duration=5s..120s:8</c>.</summary>
    public string Spec => IsList
        ? $"{Key}={string.Join(',', Values.Select(v => v.Text))}"
        : $"{Key}={From}..{To}:{Steps.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A list axis from its values as typed; each value's number is its position.</summary>
    public static SweepAxis List(string key, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new SweepAxis(key, values[0], values[^1], values.Count, "", values.Select((v, i) => new SweepValue(v, i)).ToList()) { IsList = true };
    }
}
