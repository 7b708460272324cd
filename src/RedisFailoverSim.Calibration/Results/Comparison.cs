namespace RedisFailoverSim.Calibration.Results;

/// <summary>
/// Puts model and real runs side by side, metric by metric, and judges the five headline metrics against
/// tolerances that follow from Sentinel's own randomness (see the README's "Tolerances").
/// </summary>
internal static class Comparison
{
    /// <summary>Seconds of slack on failover times: Sentinel's SDOWN ping phase (≤1 s), failover start jitter (≤1 s) and 1 s INFO period span a ~3 s window per run (docs/sources.md §2.7).</summary>
    public const double TimeSlackSeconds = 2.0;

    /// <summary>Relative slack on every compared quantity.</summary>
    public const double RelativeSlack = 0.25;

    /// <summary>Absolute slack on P99 latency, ms.</summary>
    public const double LatencySlackMs = 50;

    /// <summary>Builds every row. <paramref name="totalRate"/> is the workload's writes per second, all clients together.</summary>
    public static IReadOnlyList<ComparisonRow> Rows(IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, double totalRate)
    {
        double attempted = Mean(model.Select(m => (double?)m.Attempted)) ?? 0;
        double writesSlack = totalRate * TimeSlackSeconds;
        return
        [
            Judged("failovers", "runs with a failover (fraction)", model, real, m => m.FailoverHappened ? 1 : 0, _ => 0.5, "±0.5: model and reality must agree on whether a failover happens"),
            Judged("controlPlaneFailoverSeconds", "control-plane failover, fault → +switch-master (s)", model, real, m => m.ControlPlaneSeconds, mean => Math.Max(TimeSlackSeconds, RelativeSlack * Math.Abs(mean)), "±max(2 s, 25 %)"),
            Judged("clientObservedFailoverSeconds", "client-observed failover, fault → first ack by new primary (s)", model, real, m => m.ClientObservedSeconds, mean => Math.Max(TimeSlackSeconds, RelativeSlack * Math.Abs(mean)), "±max(2 s, 25 %)"),
            Judged("acknowledged", "acknowledged writes", model, real, m => m.Acknowledged, _ => Math.Max(0.02 * attempted, writesSlack), "±max(2 % of attempted, rate × 2 s)"),
            Judged("acknowledgedLost", "acknowledged writes lost", model, real, m => m.AcknowledgedLost, mean => Math.Max(RelativeSlack * Math.Abs(mean), writesSlack), "±max(25 %, rate × 2 s)"),
            Judged("latencyP99Ms", "write latency P99 (ms)", model, real, m => m.LatencyP99Ms, mean => Math.Max(RelativeSlack * Math.Abs(mean), LatencySlackMs), "±max(25 %, 50 ms)"),
            Info("promotionSeconds", "promotion, fault → REPLICAOF NO ONE (s)", model, real, m => m.PromotionSeconds),
            Info("attempted", "writes attempted", model, real, m => m.Attempted),
            Info("failed", "writes failed", model, real, m => m.Failed),
            Info("unknown", "writes unknown", model, real, m => m.Unknown),
            Info("unknownPresent", "unknown writes present", model, real, m => m.UnknownPresent),
            Info("latencyP50Ms", "write latency P50 (ms)", model, real, m => m.LatencyP50Ms),
            Info("latencyP999Ms", "write latency P99.9 (ms)", model, real, m => m.LatencyP999Ms),
            Info("latencyMaxMs", "write latency max (ms)", model, real, m => m.LatencyMaxMs),
            Info("splitBrainSeconds", "split brain (s)", model, real, m => m.SplitBrainSeconds),
        ];
    }

    private static ComparisonRow Judged(string metric, string label, IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, Func<RunMetrics, double?> value, Func<double, double> tolerance, string rule)
    {
        var row = Info(metric, label, model, real, value);
        if (row.ModelMean is null && row.RealMean is null)
        {
            // Neither side has the quantity (no failover anywhere): they agree.
            return row with { ToleranceRule = rule, Agrees = true };
        }

        if (row.ModelMean is not { } m || row.RealMean is not { } r)
        {
            return row with { ToleranceRule = rule, Agrees = false };
        }

        double slack = Math.Round(tolerance(m), 3);
        return row with { Tolerance = slack, ToleranceRule = rule, Agrees = Math.Abs(r - m) <= slack };
    }

    private static ComparisonRow Info(string metric, string label, IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, Func<RunMetrics, double?> value)
    {
        var m = model.Select(value).Where(v => v is not null).Select(v => v!.Value).ToList();
        var r = real.Select(value).Where(v => v is not null).Select(v => v!.Value).ToList();
        double? mMean = m.Count > 0 ? Math.Round(m.Average(), 3) : null;
        double? rMean = r.Count > 0 ? Math.Round(r.Average(), 3) : null;
        double? difference = mMean is { } a && rMean is { } b ? Math.Round(b - a, 3) : null;
        double? percent = difference is { } d && mMean is { } mm && mm != 0 ? Math.Round(100 * d / Math.Abs(mm), 1) : null;
        return new ComparisonRow(
            metric,
            label,
            mMean,
            m.Count > 0 ? m.Min() : null,
            m.Count > 0 ? m.Max() : null,
            m.Count,
            rMean,
            r.Count > 0 ? r.Min() : null,
            r.Count > 0 ? r.Max() : null,
            r.Count,
            difference,
            percent,
            0,
            "informational",
            null);
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count > 0 ? list.Average() : null;
    }
}
