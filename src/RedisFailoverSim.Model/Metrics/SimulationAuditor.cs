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
}
