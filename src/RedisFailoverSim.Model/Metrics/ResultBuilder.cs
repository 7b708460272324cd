using System.Globalization;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Turns a finished run into a <see cref="PathResult"/> with the exact metric definitions (<c>rfsim --help</c>):
/// acknowledged-lost = acknowledged writes absent from the final dataset; client-observed failover = fault →
/// first write acknowledged by a node promoted after the fault; control plane = fault → that promotion;
/// latency from the intended start.
/// </summary>
public static class ResultBuilder
{
    /// <summary>
    /// Builds the result. <paramref name="finalDatasets"/> are the converged primaries' histories: one, or one per shard
    /// of a cluster (none: empty).
    /// </summary>
    public static PathResult Build(
        SimWorld world,
        FaultInjector faults,
        IReadOnlyList<History> finalDatasets,
        bool converged,
        bool keepSamples,
        IReadOnlyList<KeyValuePair<string, double>> usage,
        long finalEpoch)
    {
        var ledger = world.Ledger;
        var recorder = world.Recorder;
        double end = RunRecorder.Seconds(world.Simulation.Now);
        var faultStart = FaultStart(world.Spec);
        var promotion = FirstPromotion(world, faultStart);
        var splitBrain = SplitBrainIntervals(world);
        var totals = ledger.FinishCompact(finalDatasets.Select(d => d.Lineage).ToList(), world.Simulation.Now.Nanoseconds);
        bool[]? present = null;
        if (ledger.IsExact)
        {
            // The exact ledger is the oracle: its numbers are reported, and the compact tally must agree. The audit
            // reads the final dataset entry by entry; charts, whose nodes keep only their window, read its lineage.
            present = ledger.IsAudit ? FinalDatasetPresence.ByEntries(ledger, finalDatasets) : FinalDatasetPresence.ByStamps(ledger, finalDatasets);
            var exact = ExactTotals(world, present, faultStart, promotion, splitBrain);
            SimulationAuditor.Check(exact, totals, world);
            SimulationAuditor.CheckShards(world, present);
            totals = exact;
        }

        Invariant.Holds(!keepSamples || present is not null);
        var failover = ComputeFailover(world, faultStart, promotion, totals.FirstAckByPromotedAt);
        var window = ComputeWindow(world, faultStart, failover);
        var counts = totals.Counts;
        double splitBrainSeconds = splitBrain.Sum(i => i.End - i.Start) / 1e9;
        return new PathResult(
            Path: world.PathName,
            Writes: counts,
            Failover: failover,
            Latency: totals.Latency,
            LatencyInFailureWindow: totals.LatencyInFailureWindow,
            FailureWindow: window is { } fw ? (fw.Start / 1e9, fw.End / 1e9) : null,
            SplitBrainSeconds: Math.Round(splitBrainSeconds, 6),
            SplitBrainAcknowledgedLost: totals.SplitBrainAcknowledgedLost,
            FailoverCount: recorder.Promotions.Count,
            FinalEpoch: finalEpoch,
            Converged: converged,
            EndSeconds: end,
            Facts: Facts(world, faults, failover, splitBrainSeconds, counts, converged),
            Usage: usage,
            Nodes: world.Nodes.Select(x => x.Name).ToList(),
            Roles: RoleIntervals(world, end),
            Events: recorder.Events.ToList(),
            Faults: recorder.Faults.Select(f => new FaultWindow(f.Label, f.Kind, f.From / 1e9, (f.To ?? world.Simulation.Now.Nanoseconds) / 1e9)).ToList(),
            Samples: keepSamples ? Samples(world, present!) : null)
        {
            Availability = ledger.Gaps.Finish(i => world.Clients[i].Name),
            NodeShards = world.Spec.Cluster?.NodeShards,
            ClusterStateFail = ClusterStateTimeline.FailIntervals(recorder, end),
            // The cluster-* keys only where a cluster bus read them (MemoryDB's shards fail over by their logs, A151).
            ClusterSettings = world.Nodes.Count > 0 && world.Nodes[0].Extension is Cluster.ClusterBusAgent ? world.Spec.Cluster?.Settings : null,
            Shards = ledger.Compact.ShardResults,
        };
    }

    /// <summary>The first fault's instant (nanoseconds), or null without faults.</summary>
    public static long? FaultStart(WorldSpec spec) => spec.Faults.Count > 0 ? spec.Faults.Min(f => f.At.Nanoseconds) : null;

    /// <summary>The exact ledger's totals: every write looked at once (the oracle).</summary>
    private static CompactTotals ExactTotals(
        SimWorld world, bool[] present, long? faultStart, (int Node, long At)? promotion, List<(long Start, long End)> splitBrain)
    {
        var ledger = world.Ledger;
        long n = ledger.Count;
        long? firstAck = ExactFirstAck(ledger, promotion);
        var window = ComputeWindow(world, faultStart, ComputeFailover(world, faultStart, promotion, firstAck));
        long acked = 0, lost = 0, failed = 0, unknown = 0, unknownPresent = 0, splitBrainLost = 0, duplicated = 0, duplicatedAcked = 0;
        long waitConfirmed = 0, waitConfirmedLost = 0, waitShort = 0;
        var all = LatencyHistograms.New();
        var inWindow = LatencyHistograms.New();
        for (long id = 0; id < n; id++)
        {
            var outcome = ledger.Outcome(id);
            if (ledger.Applications(id) > 1)
            {
                duplicated++;
                duplicatedAcked += outcome == WriteOutcome.Ok ? 1 : 0;
            }

            switch (outcome)
            {
                case WriteOutcome.Ok:
                    acked++;
                    long latency = ledger.CompletedAt(id).Nanoseconds - ledger.IntendedStart(id).Nanoseconds;
                    all.RecordValue(Math.Max(1, latency));
                    long start = ledger.IntendedStart(id).Nanoseconds;
                    if (window is { } w && start >= w.Start && start <= w.End)
                    {
                        inWindow.RecordValue(Math.Max(1, latency));
                    }

                    var verdict = ledger.Wait(id);
                    waitConfirmed += verdict == WaitVerdict.Confirmed ? 1 : 0;
                    waitConfirmedLost += verdict == WaitVerdict.Confirmed && !present[id] ? 1 : 0;
                    waitShort += verdict == WaitVerdict.Short ? 1 : 0;
                    if (!present[id])
                    {
                        lost++;
                        if (InAny(splitBrain, ledger.CompletedAt(id).Nanoseconds))
                        {
                            splitBrainLost++;
                        }
                    }

                    break;
                case WriteOutcome.Failed:
                    failed++;
                    break;
                default:
                    unknown++;
                    unknownPresent += present[id] ? 1 : 0;
                    break;
            }
        }

        return new CompactTotals(
            new WriteCounts(n, acked, lost, failed, unknown, unknownPresent)
            {
                Duplicated = duplicated,
                DuplicatedAcknowledged = duplicatedAcked,
                WaitConfirmed = waitConfirmed,
                WaitConfirmedLost = waitConfirmedLost,
                WaitShort = waitShort,
            },
            splitBrainLost,
            firstAck,
            LatencyHistograms.Summarize(all),
            LatencyHistograms.Summarize(inWindow));
    }

    /// <summary>The first promotion at or after the first fault.</summary>
    private static (int Node, long At)? FirstPromotion(SimWorld world, long? faultStart)
    {
        if (faultStart is not { } start)
        {
            return null;
        }

        foreach (var promotion in world.Recorder.Promotions)
        {
            if (promotion.At >= start)
            {
                return promotion;
            }
        }

        return null;
    }

    /// <summary>The first acknowledgement by the promoted node at or after its promotion, from every write.</summary>
    private static long? ExactFirstAck(WriteLedger ledger, (int Node, long At)? promotion)
    {
        if (promotion is not { } p)
        {
            return null;
        }

        long best = long.MaxValue;
        for (long id = 0; id < ledger.Count; id++)
        {
            if (ledger.Outcome(id) == WriteOutcome.Ok && ledger.AckedBy(id) == p.Node)
            {
                long at = ledger.CompletedAt(id).Nanoseconds;
                if (at >= p.At && at < best)
                {
                    best = at;
                }
            }
        }

        return best == long.MaxValue ? null : best;
    }

    private static FailoverMetrics? ComputeFailover(SimWorld world, long? faultStart, (int Node, long At)? promotion, long? firstAck)
    {
        if (faultStart is not { } start || promotion is not { } p)
        {
            return null;
        }

        double? clientObserved = firstAck is { } best ? Math.Round((best - start) / 1e9, 6) : null;
        var switchAt = world.Recorder.SwitchMasters.Where(s => s >= start).Select(s => (long?)s).FirstOrDefault();
        return new FailoverMetrics(
            clientObserved,
            Math.Round((p.At - start) / 1e9, 6),
            switchAt is { } sw ? Math.Round((sw - start) / 1e9, 6) : null,
            world.Nodes[p.Node].Name);
    }

    /// <summary>From the first fault to the later of the last heal and the client-observed recovery.</summary>
    private static (long Start, long End)? ComputeWindow(SimWorld world, long? faultStart, FailoverMetrics? failover)
    {
        if (faultStart is not { } start)
        {
            return null;
        }

        long end = world.Recorder.Faults.Max(f => f.To ?? world.Simulation.Now.Nanoseconds);
        if (failover?.ClientObservedSeconds is { } recovered)
        {
            end = Math.Max(end, start + (long)Math.Round(recovered * 1e9));
        }

        return (start, end);
    }

    /// <summary>Intervals when two or more nodes accepted writes as primary at once (for the same shard, in a cluster).</summary>
    private static List<(long Start, long End)> SplitBrainIntervals(SimWorld world)
    {
        var accepting = new bool[world.Nodes.Count];
        var countByShard = new int[world.Nodes.Count];
        int splitShards = 0;
        long? since = null;
        var intervals = new List<(long, long)>();
        foreach (var (node, at, isAccepting) in world.Recorder.AcceptingChanges)
        {
            if (accepting[node] == isAccepting)
            {
                continue;
            }

            accepting[node] = isAccepting;
            splitShards += SplitBrain.Count(countByShard, world.Recorder.ShardOf(node), isAccepting);
            if (splitShards > 0 && since is null)
            {
                since = at;
            }
            else if (splitShards == 0 && since is { } s)
            {
                if (at > s)
                {
                    intervals.Add((s, at));
                }

                since = null;
            }
        }

        if (since is { } open && world.Simulation.Now.Nanoseconds > open)
        {
            intervals.Add((open, world.Simulation.Now.Nanoseconds));
        }

        return intervals;
    }

    private static bool InAny(List<(long Start, long End)> intervals, long t)
    {
        foreach (var (s, e) in intervals)
        {
            if (t >= s && t <= e)
            {
                return true;
            }
        }

        return false;
    }

    private static List<RoleInterval> RoleIntervals(SimWorld world, double end)
    {
        var result = new List<RoleInterval>();
        var recorder = world.Recorder;
        for (int node = 0; node < world.Nodes.Count; node++)
        {
            var changes = new List<(long At, NodeRole? Role, bool? Isolated)>();
            changes.AddRange(recorder.RoleChanges.Where(c => c.Node == node).Select(c => (c.At, (NodeRole?)c.Role, (bool?)null)));
            changes.AddRange(recorder.IsolationChanges.Where(c => c.Node == node).Select(c => (c.At, (NodeRole?)null, (bool?)c.Isolated)));
            changes = changes.OrderBy(c => c.At).ThenBy(c => c.Role is null ? 1 : 0).ToList();
            NodeRole role = NodeRole.Replica;
            bool isolated = false;
            double from = 0;
            string name = world.Nodes[node].Name;
            foreach (var (at, newRole, newIsolated) in changes)
            {
                double t = at / 1e9;
                var nextRole = newRole ?? role;
                var nextIsolated = newIsolated ?? isolated;
                if (nextRole == role && nextIsolated == isolated)
                {
                    continue;
                }

                if (t > from)
                {
                    result.Add(new RoleInterval(name, from, t, role, isolated));
                }

                from = Math.Max(from, t);
                role = nextRole;
                isolated = nextIsolated;
            }

            if (end > from)
            {
                result.Add(new RoleInterval(name, from, end, role, isolated));
            }
        }

        return result;
    }

    private static List<BiteFact> Facts(SimWorld world, FaultInjector faults, FailoverMetrics? failover, double splitBrainSeconds, WriteCounts counts, bool converged)
    {
        var facts = new List<BiteFact>();
        for (int i = 0; i < world.Spec.Faults.Count; i++)
        {
            var spec = world.Spec.Faults[i];
            int primary = faults.PrimaryAtStart.Count > i ? faults.PrimaryAtStart[i] : -1;
            string primaryName = primary >= 0 ? world.Nodes[primary].Name : "none";
            bool hit = faults.HitPrimary.Count > i && faults.HitPrimary[i];
            facts.Add(new BiteFact(
                $"faults[{i}].hitPrimary",
                hit,
                $"{FaultInjector.KindName(spec.Kind)} at {spec.At.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s: the primary then was {primaryName}; the fault {(hit ? "reached" : "did not reach")} it"));
        }

        facts.Add(new BiteFact("failoverHappened", failover is not null, failover is null
            ? "no replica was promoted after the fault"
            : $"{failover.NewPrimary} was promoted {failover.ControlPlaneSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s after the fault"));
        facts.Add(new BiteFact("splitBrain", splitBrainSeconds > 0, splitBrainSeconds > 0
            ? $"two nodes accepted writes as primary for {splitBrainSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s in total"
            : "never more than one node accepted writes at a time"));
        facts.Add(new BiteFact("acknowledgedWritesLost", counts.AcknowledgedLost > 0, $"{counts.AcknowledgedLost} of {counts.Acknowledged} acknowledged writes are missing from the final dataset"));
        facts.Add(new BiteFact("converged", converged, converged
            ? "every live node ended on the primary's history"
            : "replication had not converged when the run's bound was reached"));
        return facts;
    }

    private static WriteSamples Samples(SimWorld world, bool[] present)
    {
        var ledger = world.Ledger;
        var samples = new WriteSamples.Builder();
        for (long id = 0; id < ledger.Count; id++)
        {
            var outcome = ledger.Outcome(id);
            long start = ledger.IntendedStart(id).Nanoseconds;
            long latency = outcome == WriteOutcome.Pending ? 0 : ledger.CompletedAt(id).Nanoseconds - start;
            samples.Add(start, latency, outcome, outcome == WriteOutcome.Ok && !present[id], ledger.Client(id), ledger.AckedBy(id));
        }

        return samples.Build();
    }
}
