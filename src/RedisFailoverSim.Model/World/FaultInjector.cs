using System.Globalization;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Sentinel;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.TransactionLog;

namespace RedisFailoverSim.Model.World;

/// <summary>
/// Applies a scenario's faults to a world at their times and heals them after their durations. Network faults
/// cut directed links; node faults act on processes; each fault is narrated and recorded as a window.
/// </summary>
public sealed class FaultInjector
{
    private readonly SimWorld _world;
    private readonly bool[] _nodeIsolated;
    private int _active;

    /// <summary>Creates the injector for a world.</summary>
    public FaultInjector(SimWorld world)
    {
        _world = world;
        _nodeIsolated = new bool[world.Nodes.Count];
    }

    /// <summary>Faults started but not yet healed; faults that never heal are not counted.</summary>
    public int ActiveFaults => _active;

    /// <summary>For each fault, in scenario order: whether it hit the primary of the moment.</summary>
    public List<bool> HitPrimary { get; } = [];

    /// <summary>For each fault, the primary when it started (node index), or -1.</summary>
    public List<int> PrimaryAtStart { get; } = [];

    /// <summary>Schedules every fault of the spec.</summary>
    public void ScheduleAll()
    {
        for (int i = 0; i < _world.Spec.Faults.Count; i++)
        {
            var fault = _world.Spec.Faults[i];
            HitPrimary.Add(false);
            PrimaryAtStart.Add(-1);
            int index = i;
            _world.Simulation.Start("fault-" + i.ToString(CultureInfo.InvariantCulture), p => RunFault(index, fault));
        }
    }

    private IEnumerable<Wait> RunFault(int index, FaultSpec fault)
    {
        yield return Wait.Until(fault.At);

        // A fault that never heals (a crash without restart) does not hold up convergence.
        _active += fault.Duration is null ? 0 : 1;
        var primary = _world.Behaviour.CurrentPrimary();
        PrimaryAtStart[index] = primary?.NodeIndex ?? -1;
        var heal = Apply(index, fault, primary);
        if (fault.Duration is not { } duration)
        {
            yield break;
        }

        yield return Wait.For(duration);
        heal();
        _active--;
    }

    /// <summary>Starts a fault; returns the action that heals it.</summary>
    private Action Apply(int index, FaultSpec fault, RedisNode? primary)
    {
        var recorder = _world.Recorder;
        switch (fault.Kind)
        {
            case FaultKind.Crash:
            case FaultKind.PowerOff:
                {
                    bool powerOff = fault.Kind == FaultKind.PowerOff;
                    var targets = ResolveMembers(fault.Target, primary);
                    MarkHit(index, targets, primary);
                    int handle = recorder.FaultStarted($"{(powerOff ? "power-off" : "kill -9")} {Names(targets)}", KindName(fault.Kind));
                    foreach (var m in targets)
                    {
                        Stop(m, powerOff);
                    }

                    return () =>
                    {
                        foreach (var m in targets)
                        {
                            (m as RedisNode)?.Restart();
                            (m as IPoweredService)?.PowerOn();
                        }

                        recorder.FaultHealed(handle, $"{Names(targets)} restarted");
                    };
                }

            case FaultKind.Pause:
                {
                    var nodes = ResolveMembers(fault.Target, primary).OfType<RedisNode>().ToList();
                    MarkHit(index, nodes, primary);
                    int handle = recorder.FaultStarted($"pause (SIGSTOP) {Names(nodes)}", "pause");
                    nodes.ForEach(n => n.Pause());
                    return () =>
                    {
                        nodes.ForEach(n => n.Resume());
                        recorder.FaultHealed(handle, $"{Names(nodes)} resumed (SIGCONT)");
                    };
                }

            case FaultKind.Isolate:
                {
                    var inside = ResolveMembers(fault.Target, primary);
                    MarkHit(index, inside, primary);
                    var outside = _world.Network.Members.Where(m => !inside.Contains(m)).ToList();
                    var cuts = CutBetween(inside, outside, bothWays: true);
                    int handle = recorder.FaultStarted($"isolate {DescribeTarget(fault.Target, inside)}", "isolate");
                    return () => HealCuts(cuts, handle, $"{DescribeTarget(fault.Target, inside)} reconnected");
                }

            case FaultKind.Partition:
            case FaultKind.OneWay:
                {
                    var groups = ResolveGroups(fault.Target);
                    bool oneWay = fault.Kind == FaultKind.OneWay;
                    var cuts = new List<(MemberId, MemberId)>();
                    for (int a = 0; a < groups.Count; a++)
                    {
                        for (int b = 0; b < groups.Count; b++)
                        {
                            if (a != b && (!oneWay || (a == 0 && b == 1)))
                            {
                                cuts.AddRange(CutBetween(groups[a], groups[b], bothWays: false));
                            }
                        }
                    }

                    if (primary is not null)
                    {
                        HitPrimary[index] = true;
                    }

                    string label = string.Join(oneWay ? " → " : " | ", groups.Select(g => "{" + NodeNames(g) + "}"));
                    int handle = recorder.FaultStarted((oneWay ? "one-way cut: " : "partition: ") + label, KindName(fault.Kind));
                    return () => HealCuts(cuts, handle, (oneWay ? "one-way cut healed: " : "partition healed: ") + label);
                }

            case FaultKind.SlowAz:
                {
                    int az = _world.AzIndex(fault.Target.Name!);
                    _world.Network.AddAzDelay(az, fault.ExtraLatency);
                    int handle = recorder.FaultStarted($"slow AZ {fault.Target.Name}: +{fault.ExtraLatency.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms one way", "slow-az");
                    return () =>
                    {
                        _world.Network.AddAzDelay(az, SimDuration.FromNanoseconds(-fault.ExtraLatency.Nanoseconds));
                        recorder.FaultHealed(handle, $"AZ {fault.Target.Name} back to normal latency");
                    };
                }

            case FaultKind.AzPowerInterruption:
                {
                    int az = _world.AzIndex(fault.Target.Name!);
                    var hit = _world.Network.Members.Where(m => m.AzIndex == az && m is RedisNode or SentinelNode or IPoweredService).ToList();
                    MarkHit(index, hit, primary);
                    int handle = recorder.FaultStarted($"AZ power interruption {fault.Target.Name}: {Names(hit)}", "az-power-interruption");
                    _world.AzPower.Interrupt(az);
                    hit.ForEach(m => Stop(m, powerOff: true));
                    return () =>
                    {
                        _world.AzPower.Restore(az);
                        hit.OfType<RedisNode>().ToList().ForEach(n => n.Restart());
                        hit.OfType<IPoweredService>().ToList().ForEach(s => s.PowerOn());
                        recorder.FaultHealed(handle, $"AZ {fault.Target.Name} power restored");
                    };
                }

            case FaultKind.NodeReplacement:
                {
                    var node = ResolveMembers(fault.Target, primary).OfType<RedisNode>().FirstOrDefault();
                    Invariant.Holds(node is not null);
                    MarkHit(index, [node], primary);
                    string what = _world.Behaviour.PlannedReplacement(node);
                    int handle = recorder.FaultStarted($"planned replacement of {node.Name}: {what}", "node-replacement");
                    return () => recorder.FaultHealed(handle, $"replacement of {node.Name} complete");
                }

            case FaultKind.Reboot:
                {
                    var node = ResolveMembers(fault.Target, primary).OfType<RedisNode>().FirstOrDefault();
                    Invariant.Holds(node is not null);
                    MarkHit(index, [node], primary);
                    var downFor = fault.Duration ?? SimDuration.FromSeconds(30);
                    string what = _world.Behaviour.CustomerReboot(node, downFor);
                    int handle = recorder.FaultStarted($"customer reboot of {node.Name}: {what}", "reboot");
                    return () => recorder.FaultHealed(handle, $"{node.Name} back from reboot");
                }

            case FaultKind.ClusterFailover:
                {
                    // CLUSTER FAILOVER sent to a replica of a Redis Cluster (docs/sources.md §3.9): one command, no heal.
                    // ASSUMPTION A83: it arrives at the fault's instant; the operator's connection is not modelled.
                    var node = ResolveMembers(fault.Target, primary).OfType<RedisNode>().FirstOrDefault();
                    Invariant.Holds(node?.Extension is ClusterBusAgent);
                    var agent = (ClusterBusAgent)node.Extension;
                    string command = "CLUSTER FAILOVER" + fault.Option switch
                    {
                        ManualFailoverOption.Force => " FORCE",
                        ManualFailoverOption.Takeover => " TAKEOVER",
                        _ => "",
                    };
                    string reply = agent.ManualFailover(fault.Option);
                    int handle = recorder.FaultStarted($"{command} to {node.Name}: {reply}", "cluster-failover");
                    _world.Simulation.Start("fault-" + index.ToString(CultureInfo.InvariantCulture) + "/mf", p => AwaitManualFailover(agent, node, handle));
                    return () => { };
                }

            case FaultKind.LogPacketLoss:
            case FaultKind.LogSlowReplica:
            case FaultKind.LogBrownout:
                // The primary's every commit goes through the log, so a fault of the log reaches it where there is one.
                HitPrimary[index] = primary is not null && LogGrayFailures.Hit(_world, fault).Count > 0;
                return LogGrayFailures.Apply(_world, fault);

            case FaultKind.TrafficBurst:
                {
                    _world.Traffic.BurstMultiplier *= fault.RateMultiplier;
                    int handle = recorder.FaultStarted($"traffic ×{fault.RateMultiplier.ToString("0.##", CultureInfo.InvariantCulture)}", "traffic-burst");
                    return () =>
                    {
                        _world.Traffic.BurstMultiplier /= fault.RateMultiplier;
                        recorder.FaultHealed(handle, "traffic back to the base rate");
                    };
                }

            default:
                Invariant.Fail("unknown fault kind " + fault.Kind);
                return () => { };
        }
    }

    /// <summary>The fault's window ends when the manual failover does: the replica took over, or the attempt ended.</summary>
    private IEnumerable<Wait> AwaitManualFailover(ClusterBusAgent agent, RedisNode node, int handle)
    {
        var poll = SimDuration.FromMilliseconds(1);
        while (agent.ManualFailoverInProgress)
        {
            yield return Wait.For(poll);
        }

        _world.Recorder.FaultHealed(handle, node.IsPrimary ? $"{node.Name} took over" : $"manual failover by {node.Name} ended without a promotion");
    }

    private static void Stop(Member member, bool powerOff)
    {
        switch (member)
        {
            case RedisNode node:
                node.Crash(powerOff);
                break;
            case SentinelNode sentinel:
                sentinel.PowerOff();
                break;
            case IPoweredService service:
                service.PowerOff();
                break;
            default:
                break;
        }
    }

    private void MarkHit(int index, IReadOnlyCollection<Member> targets, RedisNode? primary)
    {
        HitPrimary[index] = primary is not null && targets.Contains(primary);
    }

    private List<(MemberId From, MemberId To)> CutBetween(IReadOnlyList<Member> a, IReadOnlyList<Member> b, bool bothWays)
    {
        var cuts = new List<(MemberId, MemberId)>();
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    continue;
                }

                _world.Network.Cut(x.Id, y.Id);
                cuts.Add((x.Id, y.Id));
                if (bothWays)
                {
                    _world.Network.Cut(y.Id, x.Id);
                    cuts.Add((y.Id, x.Id));
                }
            }
        }

        RecordIsolation();
        return cuts;
    }

    private void HealCuts(List<(MemberId From, MemberId To)> cuts, int handle, string text)
    {
        foreach (var (from, to) in cuts)
        {
            _world.Network.Heal(from, to);
        }

        RecordIsolation();
        _world.Recorder.FaultHealed(handle, text);
    }

    private void RecordIsolation()
    {
        for (int i = 0; i < _world.Nodes.Count; i++)
        {
            bool isolated = _world.Network.IsPartlyIsolated(_world.Nodes[i].Id);
            if (isolated != _nodeIsolated[i])
            {
                _nodeIsolated[i] = isolated;
                _world.Recorder.Isolation(i, isolated);
            }
        }
    }

    private List<Member> ResolveMembers(FaultTarget target, RedisNode? primary)
    {
        switch (target.Kind)
        {
            case FaultTargetKind.Primary:
                return primary is null ? [] : [primary];
            case FaultTargetKind.Member:
                var member = _world.FindMember(target.Name!);
                if (member is not null)
                {
                    return [member];
                }

                // A cluster's scenario client is one connection per shard: the name means all of them.
                return _world.Network.Members.Where(m => m.Name != ShardConnectionNames.ScenarioName(m.Name)
                    && ShardConnectionNames.ScenarioName(m.Name) == target.Name).ToList();
            case FaultTargetKind.Az:
                int az = _world.AzIndex(target.Name!);
                return _world.Network.Members.Where(m => m.AzIndex == az).ToList();
            default:
                Invariant.Fail("fault target kind not valid here: " + target.Kind);
                return [];
        }
    }

    /// <summary>Each member goes to the group naming it, else the group naming its AZ; others are not cut.</summary>
    private List<List<Member>> ResolveGroups(FaultTarget target)
    {
        var groups = target.Groups.Select(_ => new List<Member>()).ToList();
        foreach (var member in _world.Network.Members)
        {
            int byName = -1;
            int byAz = -1;
            for (int g = 0; g < target.Groups.Count; g++)
            {
                if (target.Groups[g].Contains(ShardConnectionNames.ScenarioName(member.Name)))
                {
                    byName = g;
                }

                if (member.AzIndex >= 0 && target.Groups[g].Contains(_world.Spec.Azs[member.AzIndex]))
                {
                    byAz = g;
                }
            }

            int group = byName >= 0 ? byName : byAz;
            if (group >= 0)
            {
                groups[group].Add(member);
            }
        }

        return groups;
    }

    private static string Names(IEnumerable<Member> members) => string.Join(",", members.Select(m => m.Name));

    private static string NodeNames(IEnumerable<Member> members)
    {
        var nodes = members.OfType<RedisNode>().Select(m => m.Name).ToList();
        return string.Join(",", nodes.Count > 0 ? nodes : members.Select(m => m.Name));
    }

    private static string DescribeTarget(FaultTarget target, IReadOnlyList<Member> members) =>
        target.Kind == FaultTargetKind.Az ? $"AZ {target.Name} ({NodeNames(members)})" : Names(members);

    /// <summary>The scenario's name of a fault kind (kebab-case).</summary>
    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Crash => "crash",
        FaultKind.PowerOff => "power-off",
        FaultKind.Pause => "pause",
        FaultKind.Isolate => "isolate",
        FaultKind.Partition => "partition",
        FaultKind.OneWay => "one-way",
        FaultKind.SlowAz => "slow-az",
        FaultKind.AzPowerInterruption => "az-power-interruption",
        FaultKind.NodeReplacement => "node-replacement",
        FaultKind.Reboot => "reboot",
        FaultKind.TrafficBurst => "traffic-burst",
        FaultKind.ClusterFailover => "cluster-failover",
        FaultKind.LogPacketLoss => "log-packet-loss",
        FaultKind.LogSlowReplica => "log-slow-replica",
        FaultKind.LogBrownout => "log-brownout",
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}
