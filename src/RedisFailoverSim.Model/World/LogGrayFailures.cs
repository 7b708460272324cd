using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.TransactionLog;

namespace RedisFailoverSim.Model.World;

/// <summary>
/// The gray failures of the Multi-AZ transaction log (docs/sources.md §6.2): packet loss on the links to one AZ's log
/// replica (A166), one slow log replica (A167), a brown-out of the whole log service (A168). On a path without a log
/// (self-hosted, Serverless, ElastiCache without durability) they change nothing, and the trace says so.
/// </summary>
internal static class LogGrayFailures
{
    /// <summary>Starts the fault on the log replicas it hits; returns the action that heals it.</summary>
    public static Action Apply(SimWorld world, FaultSpec fault)
    {
        var recorder = world.Recorder;
        var replicas = Hit(world, fault);
        string kind = FaultInjector.KindName(fault.Kind);
        if (replicas.Count == 0)
        {
            int none = recorder.FaultStarted($"{kind}: this path has no transaction log, nothing changes", kind);
            return () => recorder.FaultHealed(none, "the log fault ended");
        }

        string names = fault.Kind == FaultKind.LogBrownout ? "every log replica" : string.Join(",", replicas.Select(r => r.Name));
        foreach (var replica in replicas)
        {
            if (!replica.HasGrayStream)
            {
                replica.UseGrayStream(world.Simulation.Random.Stream(world.PathName + "/log.gray", replica.Id.Value));
            }

            replica.AddAnswerDelay(fault.ExtraLatency);
            if (fault.LossRate > 0)
            {
                replica.AddPacketLoss(fault.LossRate, fault.RetransmitAfter);
            }

            if (fault.DropRate > 0)
            {
                replica.AddAppendDrops(fault.DropRate);
            }
        }

        int handle = recorder.FaultStarted(Describe(fault, names), kind);
        return () =>
        {
            foreach (var replica in replicas)
            {
                replica.AddAnswerDelay(SimDuration.FromNanoseconds(-fault.ExtraLatency.Nanoseconds));
                if (fault.LossRate > 0)
                {
                    replica.RemovePacketLoss(fault.LossRate);
                }

                if (fault.DropRate > 0)
                {
                    replica.RemoveAppendDrops(fault.DropRate);
                }
            }

            recorder.FaultHealed(handle, $"{names} back to normal");
        };
    }

    /// <summary>The log replicas of the target AZ (every shard's), or all of them for a brown-out, in member order.</summary>
    public static List<TransactionLogReplica> Hit(SimWorld world, FaultSpec fault)
    {
        int az = fault.Kind == FaultKind.LogBrownout ? -1 : world.AzIndex(fault.Target.Name!);
        return world.Network.Members.OfType<TransactionLogReplica>().Where(r => az < 0 || r.AzIndex == az).ToList();
    }

    private static string Describe(FaultSpec fault, string names) => fault.Kind switch
    {
        FaultKind.LogPacketLoss => $"packet loss {Percent(fault.LossRate)} on the links to and from {names}, "
            + $"a lost message sent again after {Ms(fault.RetransmitAfter)} ms",
        FaultKind.LogSlowReplica => $"slow log replica {names}: +{Ms(fault.ExtraLatency)} ms per answer",
        FaultKind.LogBrownout => "log brown-out of " + names + ": " + string.Join(", ", BrownoutParts(fault)),
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static IEnumerable<string> BrownoutParts(FaultSpec fault)
    {
        if (fault.ExtraLatency > SimDuration.Zero)
        {
            yield return $"+{Ms(fault.ExtraLatency)} ms per answer";
        }

        if (fault.DropRate > 0)
        {
            yield return $"{Percent(fault.DropRate)} of appends dropped";
        }
    }

    private static string Ms(SimDuration d) => d.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
