using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// A real run's write counts with the model's definitions (ResultBuilder.cs): an acknowledged write missing from the
/// final dataset is lost; a write still pending at the end is unknown; latency counts from the intended start, over
/// acknowledged writes.
/// </summary>
internal sealed record LedgerTally(long Acknowledged, long AcknowledgedLost, long Failed, long Unknown, long UnknownPresent, IReadOnlyList<double> SortedLatenciesMs)
{
    /// <summary>The largest acknowledged latency, ms (0 without one).</summary>
    public double MaxMs => SortedLatenciesMs.Count == 0 ? 0 : Math.Round(SortedLatenciesMs[^1], 3);

    /// <summary>Counts <paramref name="ledger"/> against the write ids the final dataset holds.</summary>
    public static LedgerTally Of(RealLedger ledger, HashSet<int> present)
    {
        long acked = 0, lost = 0, failed = 0, unknown = 0, unknownPresent = 0;
        var latencies = new List<double>();
        for (int id = 0; id < ledger.Count; id++)
        {
            switch (ledger.Outcome(id))
            {
                case WriteOutcome.Ok:
                    acked++;
                    lost += present.Contains(id) ? 0 : 1;
                    latencies.Add((ledger.Completed(id) - ledger.IntendedStart(id)) * 1000);
                    break;
                case WriteOutcome.Failed:
                    failed++;
                    break;
                case WriteOutcome.Unknown:
                case WriteOutcome.Pending:
                    unknown++;
                    unknownPresent += present.Contains(id) ? 1 : 0;
                    break;
                default:
                    break;
            }
        }

        latencies.Sort();
        return new LedgerTally(acked, lost, failed, unknown, unknownPresent, latencies);
    }

    /// <summary>A real run's metrics: these counts and latencies with the run's failover times and split brain.</summary>
    public RunMetrics ToMetrics(ulong run, long attempted, string? newPrimary, double? controlPlaneSeconds, double? promotionSeconds, double? clientObservedSeconds, double splitBrainSeconds, bool converged) =>
        new(
            Side: "real",
            Run: run,
            FailoverHappened: newPrimary is not null,
            NewPrimary: newPrimary,
            ControlPlaneSeconds: controlPlaneSeconds,
            PromotionSeconds: promotionSeconds,
            ClientObservedSeconds: clientObservedSeconds,
            Attempted: attempted,
            Acknowledged: Acknowledged,
            AcknowledgedLost: AcknowledgedLost,
            Failed: Failed,
            Unknown: Unknown,
            UnknownPresent: UnknownPresent,
            LatencyP50Ms: Percentile(50),
            LatencyP99Ms: Percentile(99),
            LatencyP999Ms: Percentile(99.9),
            LatencyMaxMs: MaxMs,
            SplitBrainSeconds: splitBrainSeconds,
            Converged: converged);

    /// <summary>The latency percentile <paramref name="p"/>, ms.</summary>
    public double Percentile(double p) => LatencyPercentiles.At(SortedLatenciesMs, p);
}
