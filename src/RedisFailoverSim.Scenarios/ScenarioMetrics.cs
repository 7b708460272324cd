using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Scenarios;

/// <summary>
/// The metrics an <c>expect:</c> claim can name, spelt as in results.json, and how to read each from a
/// <see cref="PathResult"/>.
/// </summary>
public static class ScenarioMetrics
{
    private static readonly (string Name, Func<PathResult, double?> Read, string Unit)[] Table =
    [
        ("attempted", r => r.Writes.Attempted, "writes"),
        ("acknowledged", r => r.Writes.Acknowledged, "writes"),
        ("acknowledgedLost", r => r.Writes.AcknowledgedLost, "writes"),
        ("failed", r => r.Writes.Failed, "writes"),
        ("unknown", r => r.Writes.Unknown, "writes"),
        ("unknownPresent", r => r.Writes.UnknownPresent, "writes"),
        ("waitConfirmed", r => r.Writes.WaitConfirmed, "writes"),
        ("waitConfirmedLost", r => r.Writes.WaitConfirmedLost, "writes"),
        ("waitShort", r => r.Writes.WaitShort, "writes"),
        ("clientObservedSeconds", r => r.Failover?.ClientObservedSeconds, "s"),
        ("controlPlaneSeconds", r => r.Failover?.ControlPlaneSeconds, "s"),
        ("latencyP50Ms", r => Latency(r, l => l.P50), "ms"),
        ("latencyP99Ms", r => Latency(r, l => l.P99), "ms"),
        ("latencyP999Ms", r => Latency(r, l => l.P999), "ms"),
        ("latencyMaxMs", r => Latency(r, l => l.Max), "ms"),
        ("splitBrainSeconds", r => r.SplitBrainSeconds, "s"),
        ("failoverCount", r => r.FailoverCount, "failovers"),
    ];

    /// <summary>
    /// The month's cost of a path, in dollars, as the cost table gives it: <c>monthlyCost</c> the cheapest priced term
    /// (reserved where the table has it, else on-demand), <c>monthlyCostOnDemand</c> on-demand, and
    /// <c>monthlyCostWithEngineering</c> the cheapest term plus the engineer time a self-hosted path needs (the
    /// decide: section's input). Computed from the <c>month:</c> section and the price table, not the path result.
    /// </summary>
    public static IReadOnlyList<string> CostNames { get; } = ["monthlyCost", "monthlyCostOnDemand", "monthlyCostWithEngineering"];

    /// <summary>Every metric name: results.json order, then the cost metrics.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(t => t.Name), .. CostNames];

    /// <summary>True for a metric name an <c>expect:</c> claim may use.</summary>
    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>True for a cost metric (<see cref="CostNames"/>): read from <see cref="ClaimValues"/>, not the result.</summary>
    public static bool IsCost(string name) => CostNames.Contains(name);

    /// <summary>
    /// A metric's value in a result, or null when the run has none: the failover durations when no failover
    /// happened (or no write reached the new primary), the latencies when no write was acknowledged.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static double? Read(PathResult result, string name)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (IsCost(name))
        {
            return null;
        }

        foreach (var entry in Table)
        {
            if (entry.Name == name)
            {
                return entry.Read(result);
            }
        }

        throw new ArgumentException($"unknown metric '{name}'; known: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Why a metric has no value in a result, in plain words.</summary>
    internal static string WhyAbsent(PathResult result, string name) => name switch
    {
        _ when IsCost(name) => "the month's cost was not priced (no month: section, or no price for it in the table)",
        "clientObservedSeconds" when result.Failover is not null => "no write was acknowledged by the new primary",
        "clientObservedSeconds" or "controlPlaneSeconds" => "no failover happened",
        _ => "no write was acknowledged, so there is no latency to measure",
    };

    private static double? Latency(PathResult result, Func<LatencySummary, double> pick) =>
        result.Latency.Count > 0 ? pick(result.Latency) : null;
}
