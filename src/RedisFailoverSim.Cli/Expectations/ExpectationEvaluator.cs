using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli.Expectations;

// TODO(issue 4): replace with Scenarios' evaluator once it lands; keep the metric names in step with results.json.

/// <summary>
/// Checks <c>expect:</c> claims against path results. A claim names a results.json metric by its dotted path
/// (<c>writes.acknowledgedLost</c>, <c>latencyMs.p99</c>) or by its last segment when that is unique
/// (<c>acknowledgedLost</c>, <c>controlPlaneSeconds</c>).
/// </summary>
internal static class ExpectationEvaluator
{
    private static (string Name, Func<PathResult, double?> Value)[] Metrics { get; } =
    [
        ("writes.attempted", r => r.Writes.Attempted),
        ("writes.acknowledged", r => r.Writes.Acknowledged),
        ("writes.acknowledgedLost", r => r.Writes.AcknowledgedLost),
        ("writes.failed", r => r.Writes.Failed),
        ("writes.unknown", r => r.Writes.Unknown),
        ("writes.unknownPresent", r => r.Writes.UnknownPresent),
        ("failover.clientObservedSeconds", r => r.Failover?.ClientObservedSeconds),
        ("failover.controlPlaneSeconds", r => r.Failover?.ControlPlaneSeconds),
        ("failover.switchMasterSeconds", r => r.Failover?.SwitchMasterSeconds),
        ("latencyMs.p50", r => r.Latency.P50),
        ("latencyMs.p99", r => r.Latency.P99),
        ("latencyMs.p999", r => r.Latency.P999),
        ("latencyMs.max", r => r.Latency.Max),
        ("latencyInFailureWindowMs.p50", r => r.LatencyInFailureWindow.P50),
        ("latencyInFailureWindowMs.p99", r => r.LatencyInFailureWindow.P99),
        ("latencyInFailureWindowMs.p999", r => r.LatencyInFailureWindow.P999),
        ("latencyInFailureWindowMs.max", r => r.LatencyInFailureWindow.Max),
        ("splitBrainSeconds", r => r.SplitBrainSeconds),
        ("splitBrainAcknowledgedLost", r => r.SplitBrainAcknowledgedLost),
        ("failoverCount", r => r.FailoverCount),
        ("finalEpoch", r => r.FinalEpoch),
        ("converged", r => r.Converged ? 1 : 0),
    ];

    /// <summary>The metric names a claim may use (full dotted names).</summary>
    public static IEnumerable<string> MetricNames => Metrics.Select(m => m.Name);

    /// <summary>Checks every claim in order; claims about paths that did not run are skipped.</summary>
    public static IReadOnlyList<ExpectationOutcome> Evaluate(
        IReadOnlyList<Expectation> expectations,
        IReadOnlyList<PathResult> results) =>
        expectations.Select(e => Evaluate(e, results.FirstOrDefault(r => r.Path == e.Path))).ToList();

    /// <summary>Checks one claim against its path's result (null when the path did not run).</summary>
    public static ExpectationOutcome Evaluate(Expectation expectation, PathResult? result)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        if (result is null)
        {
            return new(expectation, ExpectationStatus.Skipped, null, $"{expectation.Path} did not run");
        }

        if (!TryFindMetric(expectation.Metric, out var metric))
        {
            return new(expectation, ExpectationStatus.Failed, null,
                $"unknown metric '{expectation.Metric}' (known: {string.Join(", ", MetricNames)})");
        }

        if (metric(result) is not { } actual)
        {
            return new(expectation, ExpectationStatus.Failed, null, "no value: no failover happened");
        }

        var held = expectation.Operator switch
        {
            Comparison.Less => actual < expectation.Value,
            Comparison.LessOrEqual => actual <= expectation.Value,
            Comparison.Greater => actual > expectation.Value,
            Comparison.GreaterOrEqual => actual >= expectation.Value,
            Comparison.Equal => actual == expectation.Value,
            Comparison.NotEqual => actual != expectation.Value,
            _ => throw new System.Diagnostics.UnreachableException(),
        };
        return new(expectation, held ? ExpectationStatus.Held : ExpectationStatus.Failed, actual, "");
    }

    private static bool TryFindMetric(string name, out Func<PathResult, double?> metric)
    {
        var exact = Metrics.Where(m => m.Name == name).ToList();
        var byLeaf = Metrics.Where(m => m.Name.EndsWith("." + name, StringComparison.Ordinal)).ToList();
        var found = exact.Count == 1 ? exact : byLeaf;
        metric = found.Count == 1 ? found[0].Value : (_ => null);
        return found.Count == 1;
    }
}
