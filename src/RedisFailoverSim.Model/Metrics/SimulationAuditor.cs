using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// The O(writes) check, run whenever the exact ledger is kept (<c>--audit</c>, charts, tests): the
/// compact tally must give exactly the exact ledger's totals. A difference is a bug in the compact accounting and
/// stops the run like any invariant, naming the fields that differ.
/// </summary>
public static class SimulationAuditor
{
    /// <summary>Throws <see cref="InvariantViolatedException"/> when the two accountings disagree.</summary>
    public static void Check(CompactTotals exact, CompactTotals compact, SimWorld world)
    {
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(compact);
        ArgumentNullException.ThrowIfNull(world);
        if (exact == compact)
        {
            return;
        }

        var differences = new List<string>();
        void Compare(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                differences.Add($"{name}: exact {a}, compact {b}");
            }
        }

        Compare("writes", exact.Counts, compact.Counts);
        Compare("splitBrainAcknowledgedLost", exact.SplitBrainAcknowledgedLost, compact.SplitBrainAcknowledgedLost);
        Compare("firstAckByPromotedAt", exact.FirstAckByPromotedAt, compact.FirstAckByPromotedAt);
        Compare("latency", exact.Latency, compact.Latency);
        Compare("latencyInFailureWindow", exact.LatencyInFailureWindow, compact.LatencyInFailureWindow);
        Invariant.Fail($"compact accounting disagrees with the exact ledger on path {world.PathName}: {string.Join("; ", differences)}");
    }

    /// <summary>
    /// The per-shard counts of a cluster run against the exact ledger read write by write (the client's shard, the
    /// final datasets' presence); throws <see cref="InvariantViolatedException"/> on a difference.
    /// </summary>
    internal static void CheckShards(SimWorld world, bool[] present)
    {
        var split = world.Ledger.Compact.Shards;
        var compact = world.Ledger.Compact.ShardResults;
        if (split is null || compact is null)
        {
            return;
        }

        var ledger = world.Ledger;
        var exact = new long[compact.Count, 5];
        for (long id = 0; id < ledger.Count; id++)
        {
            int s = split.ShardOfClient(ledger.Client(id));
            exact[s, 0]++;
            switch (ledger.Outcome(id))
            {
                case WriteOutcome.Ok:
                    exact[s, 1]++;
                    exact[s, 2] += present[id] ? 0 : 1;
                    break;
                case WriteOutcome.Failed:
                    exact[s, 3]++;
                    break;
                default:
                    exact[s, 4]++;
                    break;
            }
        }

        for (int s = 0; s < compact.Count; s++)
        {
            var c = compact[s];
            long[] counted = [c.Attempted, c.Acknowledged, c.AcknowledgedLost, c.Failed, c.Unknown];
            for (int k = 0; k < counted.Length; k++)
            {
                if (counted[k] != exact[s, k])
                {
                    Invariant.Fail($"compact accounting disagrees with the exact ledger on path {world.PathName}, shard {s + 1}, count {k}: exact {exact[s, k]}, compact {counted[k]}");
                }
            }
        }
    }
}
