namespace RedisFailoverSim.Calibration.Results;

/// <summary>
/// Puts model and real runs side by side, metric by metric, and judges the headline metrics. Reality is the
/// reference: each judged row has a band computed from the real runs, and the model agrees when its mean lies in it
/// (see the README's "Tolerances").
/// </summary>
internal static class Comparison
{
    /// <summary>Relative tolerance on times and write counts: ±20 % of the real mean.</summary>
    public const double RelativeSlack = 0.20;

    /// <summary>
    /// Floor of the tolerance on failover times, s: half the 3.3 s window over which Sentinel's own randomness spreads
    /// one real run (ping tick, start jitter, INFO period: docs/sources.md §2.11), so one real run anywhere in that
    /// window agrees with a model whose seeds' mean sits in its middle.
    /// </summary>
    public const double TimeFloorSeconds = 1.65;

    /// <summary>
    /// Floor of the tolerance on a manual failover's promotion, s: half the cluster's 100 ms cron period, the shortest
    /// timer of its failover machinery (docs/sources.md §3.9), so a model that waited for a cron tick, the 500-999 ms
    /// election delay or node-timeout differs, while 1 ms polling and a loaded host's scheduling stay inside.
    /// </summary>
    public const double ManualFailoverFloorSeconds = 0.05;

    /// <summary>Floor of the tolerance on write counts, as a fraction of the writes attempted (1 %).</summary>
    public const double CountFloorOfAttempted = 0.01;

    /// <summary>Relative tolerance on latency P50: ±30 % of the real mean.</summary>
    public const double LatencyP50Slack = 0.30;

    /// <summary>Floor of the tolerance on latency P50, ms.</summary>
    public const double LatencyP50FloorMs = 1.0;

    /// <summary>
    /// How far the real runs' P99 range is widened on each side (×0.7 below the smallest, ×1.3 above the largest):
    /// one noisy host's P99 varies from run to run far more than its mean suggests.
    /// </summary>
    public const double LatencyP99Widening = 0.30;

    /// <summary>Builds every row; times are judged with the floor <paramref name="timeFloorSeconds"/>.</summary>
    public static IReadOnlyList<ComparisonRow> Rows(IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, double timeFloorSeconds = TimeFloorSeconds)
    {
        double attempted = real.Count > 0 ? real.Average(r => (double)r.Attempted) : 0;
        double countFloor = CountFloorOfAttempted * attempted;
        Func<double, double> time = r => Math.Max(RelativeSlack * Math.Abs(r), timeFloorSeconds);
        Func<double, double> count = r => Math.Max(RelativeSlack * Math.Abs(r), countFloor);
        string TimeRule = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"±max(20 % of real, {timeFloorSeconds} s)");
        const string CountRule = "±max(20 % of real, 1 % of attempted)";
        return
        [
            Symmetric("failovers", "runs with a failover (fraction)", model, real, m => m.FailoverHappened ? 1 : 0, _ => 0.5, "±0.5: model and reality must agree on whether a failover happens"),
            Symmetric("controlPlaneFailoverSeconds", "control-plane failover, fault → +switch-master (s)", model, real, m => m.ControlPlaneSeconds, time, TimeRule),
            Symmetric("clientObservedFailoverSeconds", "client-observed failover, fault → first ack by new primary (s)", model, real, m => m.ClientObservedSeconds, time, TimeRule),
            Symmetric("acknowledged", "acknowledged writes", model, real, m => m.Acknowledged, count, CountRule),
            Symmetric("acknowledgedLost", "acknowledged writes lost", model, real, m => m.AcknowledgedLost, count, CountRule),
            Symmetric("failed", "writes failed", model, real, m => m.Failed, count, CountRule),
            Symmetric("unknown", "writes unknown", model, real, m => m.Unknown, count, CountRule),
            Symmetric("latencyP50Ms", "write latency P50 (ms)", model, real, m => m.LatencyP50Ms, r => Math.Max(LatencyP50Slack * Math.Abs(r), LatencyP50FloorMs), "±max(30 % of real, 1 ms)"),
            Widened("latencyP99Ms", "write latency P99 (ms)", model, real, m => m.LatencyP99Ms),
            Info("promotionSeconds", "promotion, fault → REPLICAOF NO ONE (s)", model, real, m => m.PromotionSeconds),
            Info("attempted", "writes attempted", model, real, m => m.Attempted),
            Info("unknownPresent", "unknown writes present", model, real, m => m.UnknownPresent),
            Info("latencyP999Ms", "write latency P99.9 (ms)", model, real, m => m.LatencyP999Ms),
            Info("latencyMaxMs", "write latency max (ms)", model, real, m => m.LatencyMaxMs),
            Info("splitBrainSeconds", "split brain (s)", model, real, m => m.SplitBrainSeconds),
        ];
    }

    /// <summary>
    /// The rows of a Redis Cluster crash calibration, whose real side measures the promotion alone (no clients yet):
    /// whether a failover happened and fault → promotion, judged with the time rule; the model's client-observed failover
    /// informational.
    /// </summary>
    public static IReadOnlyList<ComparisonRow> ClusterRows(IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, double timeFloorSeconds) =>
    [
        Symmetric("failovers", "runs with a failover (fraction)", model, real, m => m.FailoverHappened ? 1 : 0, _ => 0.5, "±0.5: model and reality must agree on whether a failover happens"),
        Symmetric("promotionSeconds", "promotion, fault → a replica of the shard says master (s)", model, real, m => m.PromotionSeconds, r => Math.Max(RelativeSlack * Math.Abs(r), timeFloorSeconds), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"±max(20 % of real, {timeFloorSeconds} s)")),
        Info("clientObservedFailoverSeconds", "client-observed failover (model only)", model, real, m => m.ClientObservedSeconds),
    ];

    /// <summary>
    /// The rows of a Redis Cluster calibration whose real side ran the scenario's clients: the promotion judged with the
    /// time rule and <paramref name="timeFloorSeconds"/>, then the Sentinel calibration's write rows (client-observed
    /// failover with the same floor, counts, latency). A cluster has no Sentinel, so no control-plane row, and no split
    /// brain is measured on the real side.
    /// </summary>
    public static IReadOnlyList<ComparisonRow> ClusterRowsWithWrites(IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, double timeFloorSeconds)
    {
        string[] notForACluster = ["failovers", "controlPlaneFailoverSeconds", "promotionSeconds", "splitBrainSeconds"];
        return [.. ClusterRows(model, real, timeFloorSeconds).Where(r => r.Metric != "clientObservedFailoverSeconds"), .. Rows(model, real, timeFloorSeconds).Where(r => !notForACluster.Contains(r.Metric))];
    }

    /// <summary>A row judged by a band of ±tolerance(real mean) around the real mean.</summary>
    private static ComparisonRow Symmetric(string metric, string label, IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, Func<RunMetrics, double?> value, Func<double, double> tolerance, string rule)
    {
        var row = Info(metric, label, model, real, value);
        if (Absent(row, rule) is { } absent)
        {
            return absent;
        }

        double center = row.RealMean!.Value;
        double slack = Math.Round(tolerance(center), 3);
        return Verdict(row with { Tolerance = slack }, center - slack, center + slack, rule);
    }

    /// <summary>P99: the model's mean within the real runs' range, widened by 30 % on each side.</summary>
    private static ComparisonRow Widened(string metric, string label, IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, Func<RunMetrics, double?> value)
    {
        const string Rule = "within the real runs' min-max widened by 30 % (×0.7 … ×1.3)";
        var row = Info(metric, label, model, real, value);
        if (Absent(row, Rule) is { } absent)
        {
            return absent;
        }

        return Verdict(row, (1 - LatencyP99Widening) * row.RealMin!.Value, (1 + LatencyP99Widening) * row.RealMax!.Value, Rule);
    }

    /// <summary>The verdict when one side or both have no value; null when both have one.</summary>
    private static ComparisonRow? Absent(ComparisonRow row, string rule)
    {
        if (row.ModelMean is null && row.RealMean is null)
        {
            // Neither side has the quantity (no failover anywhere): they agree.
            return row with { ToleranceRule = rule, Agrees = true };
        }

        return row.ModelMean is null || row.RealMean is null ? row with { ToleranceRule = rule, Agrees = false } : null;
    }

    private static ComparisonRow Verdict(ComparisonRow row, double low, double high, string rule)
    {
        // Every judged metric is a count, a duration, a fraction or a latency: the band stops at zero.
        double lowRounded = Math.Round(Math.Max(0, low), 3), highRounded = Math.Round(high, 3);
        bool agrees = row.ModelMean!.Value >= lowRounded && row.ModelMean.Value <= highRounded;
        return row with { AgreeLow = lowRounded, AgreeHigh = highRounded, ToleranceRule = rule, Agrees = agrees };
    }

    private static ComparisonRow Info(string metric, string label, IReadOnlyList<RunMetrics> model, IReadOnlyList<RunMetrics> real, Func<RunMetrics, double?> value)
    {
        var m = model.Select(value).Where(v => v is not null).Select(v => v!.Value).ToList();
        var r = real.Select(value).Where(v => v is not null).Select(v => v!.Value).ToList();
        double? mMean = m.Count > 0 ? Math.Round(m.Average(), 3) : null;
        double? rMean = r.Count > 0 ? Math.Round(r.Average(), 3) : null;
        double? difference = mMean is { } a && rMean is { } b ? Math.Round(a - b, 3) : null;
        double? percent = difference is { } d && rMean is { } rr && rr != 0 ? Math.Round(100 * d / Math.Abs(rr), 1) : null;
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
            null,
            null,
            null,
            "informational",
            null);
    }
}
