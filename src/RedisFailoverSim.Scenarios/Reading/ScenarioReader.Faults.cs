using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.TransactionLog;
using RedisFailoverSim.Paths;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>The <c>faults:</c> section: kinds, times, targets and partition groups.</summary>
internal sealed partial class ScenarioReader
{
    /// <summary>What a fault kind may hit.</summary>
    private enum TargetRule
    {
        /// <summary><c>primary</c> or a node name.</summary>
        Node,

        /// <summary><c>primary</c>, any member name, or an AZ.</summary>
        Anything,

        /// <summary>An AZ name.</summary>
        Az,

        /// <summary>No target: <c>groups</c> instead.</summary>
        Groups,

        /// <summary>No target: the whole system.</summary>
        Everything,

        /// <summary>A Redis Cluster replica (a node that is not its shard's first primary).</summary>
        ClusterReplica,
    }

    private static TargetRule RuleOf(FaultKind kind) => kind switch
    {
        FaultKind.Crash or FaultKind.PowerOff or FaultKind.Pause or FaultKind.NodeReplacement or FaultKind.Reboot => TargetRule.Node,
        FaultKind.Isolate => TargetRule.Anything,
        FaultKind.SlowAz or FaultKind.AzPowerInterruption or FaultKind.LogPacketLoss or FaultKind.LogSlowReplica => TargetRule.Az,
        FaultKind.Partition or FaultKind.OneWay => TargetRule.Groups,
        FaultKind.TrafficBurst or FaultKind.LogBrownout => TargetRule.Everything,
        FaultKind.ClusterFailover => TargetRule.ClusterReplica,
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private List<FaultSpec> ReadFaults(MappingReader top, Topology topology, bool clusterMode, SimDuration? workloadDuration)
    {
        var faults = new List<FaultSpec>();
        var list = top.Sequence("faults", "a list of faults, each {kind, at, duration, target, ...}");
        if (list is null)
        {
            return faults;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"faults[{i}]";
            if (list.Children[i] is not YamlMappingNode mapping)
            {
                var found = MappingReader.Describe(list.Children[i]);
                _document.Report(list.Children[i], $"{path}: expected a mapping {{kind, at, duration, target, ...}}; found {found}");
                continue;
            }

            if (ReadFault(new MappingReader(_document, mapping, path, ScenarioKeys.Fault), topology, clusterMode, workloadDuration) is { } fault)
            {
                faults.Add(fault);
            }
        }

        // WorldSpec promises faults in time order; OrderBy is stable, so faults at the same instant keep file order.
        return faults.OrderBy(f => f.At).ToList();
    }

    private FaultSpec? ReadFault(MappingReader fault, Topology topology, bool clusterMode, SimDuration? workloadDuration)
    {
        var kindText = fault.Scalar("kind", $"a fault kind ({string.Join(", ", FaultKinds.Names)})", required: true);
        var at = fault.Duration("at", required: true, allowZero: true);
        if (kindText is null)
        {
            return null;
        }

        if (!FaultKinds.TryParse(kindText, out var kind))
        {
            var hint = Suggestions.DidYouMean(kindText, FaultKinds.Names);
            fault.Report("kind", $"expected a fault kind ({string.Join(", ", FaultKinds.Names)}); found '{kindText}'{hint}");
            return null;
        }

        if (kind == FaultKind.ClusterFailover && !clusterMode)
        {
            fault.Report("kind", "cluster-failover is Redis Cluster's CLUSTER FAILOVER: it needs a 'cluster:' section; "
                + "for a planned failover of a primary with replicas use node-replacement");
            return null;
        }

        // Only a crash may last for ever: the process is simply not restarted (FaultSpec.Duration null). CLUSTER
        // FAILOVER is one command: it has no duration at all.
        bool instant = kind == FaultKind.ClusterFailover;
        var duration = instant ? null : fault.Duration("duration");
        if (instant && fault.Has("duration"))
        {
            fault.Report("duration", "cluster-failover takes no 'duration': CLUSTER FAILOVER is one command, over when the replica has taken over");
        }
        else if (!instant && kind != FaultKind.Crash && !fault.Has("duration"))
        {
            fault.ReportMissing("duration", $"how long the {kindText} lasts, e.g. 30s; only a crash may go on for ever");
        }

        var extraLatency = OnlyFor(fault, "extra-latency", kind, LatencyKinds, "the delay added to each message, e.g. 20ms")
            ? fault.Duration("extra-latency", required: kind != FaultKind.LogBrownout, allowZero: kind == FaultKind.LogBrownout,
                max: kind == FaultKind.SlowAz ? null : ScenarioLimits.LogExtraLatency)
            : null;
        var multiplier = OnlyFor(fault, "rate-multiplier", kind, [FaultKind.TrafficBurst], "the traffic factor, e.g. 20")
            ? fault.Number("rate-multiplier", 0, inclusive: false, required: true, max: ScenarioLimits.RateMultiplier)
            : null;
        var lossRate = OnlyFor(fault, "loss-rate", kind, [FaultKind.LogPacketLoss], "the chance a message to or from the log replica is lost, e.g. 0.05")
            ? fault.Number("loss-rate", 0, inclusive: false, required: true, max: ScenarioLimits.LossRate)
            : null;
        var retransmitAfter = OnlyFor(fault, "retransmit-after", kind, [FaultKind.LogPacketLoss], "when a lost message is first sent again, e.g. 5ms; default 200ms")
            ? fault.Duration("retransmit-after", max: ScenarioLimits.LogExtraLatency)
            : null;
        var dropRate = OnlyFor(fault, "drop-rate", kind, [FaultKind.LogBrownout], "the fraction of appends the log drops, e.g. 0.2")
            ? fault.Number("drop-rate", 0, inclusive: true, max: ScenarioLimits.DropRate)
            : null;
        bool brownoutDoesNothing = kind == FaultKind.LogBrownout && !fault.Has("extra-latency") && !fault.Has("drop-rate");
        if (brownoutDoesNothing)
        {
            fault.ReportMissing("extra-latency", "a log-brownout slows every answer of the log (extra-latency, e.g. 200ms), drops a fraction of the appends (drop-rate, e.g. 0.2), or both");
        }

        var option = ReadManualFailoverOption(fault, kind);
        var target = ReadTarget(fault, kind, topology);

        if (at is { } start && workloadDuration is { } total && start >= total)
        {
            fault.Report("at", $"expected a time before the workload ends ({total}); found {start}");
            return null;
        }

        if (at is null || (duration is null && kind is not (FaultKind.Crash or FaultKind.ClusterFailover))
            || (duration is null && fault.Has("duration")) || target is null || option is null
            || (kind is FaultKind.SlowAz or FaultKind.LogSlowReplica && extraLatency is null)
            || (kind == FaultKind.TrafficBurst && multiplier is null)
            || (kind == FaultKind.LogPacketLoss && (lossRate is null || (fault.Has("retransmit-after") && retransmitAfter is null)))
            || (kind == FaultKind.LogBrownout && (brownoutDoesNothing || (fault.Has("extra-latency") && extraLatency is null) || (fault.Has("drop-rate") && dropRate is null))))
        {
            return null;
        }

        return new FaultSpec(
            kind,
            SimTime.FromStart(at.Value),
            duration,
            target,
            ExtraLatency: extraLatency ?? SimDuration.Zero,
            RateMultiplier: multiplier ?? 1.0,
            SourceLine: (int)fault.Node.Start.Line,
            Option: option.Value,
            LossRate: lossRate ?? 0,
            DropRate: dropRate ?? 0,
            RetransmitAfter: kind == FaultKind.LogPacketLoss ? retransmitAfter ?? LogRetransmission.DefaultFirst : SimDuration.Zero);
    }

    /// <summary><c>option: force | takeover</c> of a cluster-failover (docs/sources.md §3.9); null after a problem.</summary>
    private static ManualFailoverOption? ReadManualFailoverOption(MappingReader fault, FaultKind kind)
    {
        const string Meaning = "CLUSTER FAILOVER's option, force or takeover";
        if (!OnlyFor(fault, "option", kind, [FaultKind.ClusterFailover], Meaning) || !fault.Has("option"))
        {
            return ManualFailoverOption.Default;
        }

        var text = fault.Scalar("option", Meaning);
        switch (text)
        {
            case "force":
                return ManualFailoverOption.Force;
            case "takeover":
                return ManualFailoverOption.Takeover;
            case null:
                return null;
            default:
                fault.Report("option", $"expected force or takeover (or no option: the default manual failover); found '{text}'"
                    + Suggestions.DidYouMean(text, ["force", "takeover"]));
                return null;
        }
    }

    /// <summary>The kinds that take <c>extra-latency</c>.</summary>
    private static readonly FaultKind[] LatencyKinds = [FaultKind.SlowAz, FaultKind.LogSlowReplica, FaultKind.LogBrownout];

    /// <summary>True when a kind-specific key applies to this kind; reports the key when it is given to another kind.</summary>
    private static bool OnlyFor(MappingReader fault, string key, FaultKind kind, FaultKind[] owners, string meaning)
    {
        if (owners.Contains(kind))
        {
            return true;
        }

        if (fault.Has(key))
        {
            var names = owners.Select(FaultKinds.Name).ToList();
            var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
            fault.Report(key, $"'{key}' ({meaning}) applies only to {list}, not to {FaultKinds.Name(kind)}");
        }

        return false;
    }

    private FaultTarget? ReadTarget(MappingReader fault, FaultKind kind, Topology topology)
    {
        var rule = RuleOf(kind);
        var name = FaultKinds.Name(kind);
        if (rule is TargetRule.Groups or TargetRule.Everything)
        {
            if (fault.Has("target"))
            {
                var instead = rule == TargetRule.Groups ? "give 'groups' instead"
                    : kind == FaultKind.LogBrownout ? "it hits every log replica (for one AZ's, use log-slow-replica or log-packet-loss)"
                    : "it applies to every client";
                fault.Report("target", $"{name} takes no 'target'; {instead}");
            }

            return rule == TargetRule.Groups ? ReadGroups(fault, kind, topology) : FaultTarget.Everything;
        }

        if (fault.Has("groups"))
        {
            fault.Report("groups", $"'groups' applies only to partition and one-way, not to {name}; use 'target'");
        }

        var expected = rule switch
        {
            TargetRule.Node => $"primary or a node name ({string.Join(", ", topology.NodeNames)})",
            TargetRule.Anything => "primary, a node, sentinel or client name, an AZ, or a control plane (" + string.Join(", ", ServiceMembers.Names) + ")",
            TargetRule.Az => $"an AZ ({string.Join(", ", topology.Azs)})",
            TargetRule.ClusterReplica => $"a replica, the node CLUSTER FAILOVER is sent to ({string.Join(", ", ReplicaNames(topology))})",
            _ => throw new System.Diagnostics.UnreachableException(),
        };
        var text = fault.Scalar("target", expected, required: true);
        if (text is null || !topology.IsComplete)
        {
            return null;
        }

        var member = topology.FindMember(text);
        var target = rule switch
        {
            _ when text == "primary" && rule is not (TargetRule.Az or TargetRule.ClusterReplica) => FaultTarget.Primary,
            TargetRule.Node when member is { Kind: MemberKind.Node } => FaultTarget.Member(text),
            TargetRule.ClusterReplica when ReplicaNames(topology).Contains(text) => FaultTarget.Member(text),
            TargetRule.Anything when member is not null || ServiceMembers.IsServiceMember(text) => FaultTarget.Member(text),
            TargetRule.Anything or TargetRule.Az when topology.IsAz(text) => FaultTarget.Az(text),
            _ => null,
        };
        if (target is null)
        {
            var candidates = rule switch
            {
                TargetRule.Node => topology.NodeNames.Append("primary"),
                TargetRule.ClusterReplica => ReplicaNames(topology),
                TargetRule.Az => topology.Azs,
                _ => topology.Members.Select(m => m.Name).Concat(topology.Azs).Append("primary").Concat(ServiceMembers.Names),
            };
            var what = rule == TargetRule.ClusterReplica && topology.Nodes.Any(n => n.Name == text && n.InitialPrimary)
                    ? $"the primary '{text}' (a primary answers: You should send CLUSTER FAILOVER to a replica)"
                : member is not null ? $"the {Word(member.Kind)} '{text}'"
                : topology.IsAz(text) ? $"the AZ '{text}'"
                : $"'{text}'";
            fault.Report("target", $"expected {expected} for {name}; found {what}{Suggestions.DidYouMean(text, candidates)}");
        }

        return target;
    }

    /// <summary>The nodes that start as replicas (a cluster's n&lt;shard&gt;.2 and on).</summary>
    private static List<string> ReplicaNames(Topology topology) =>
        topology.Nodes.Where(n => !n.InitialPrimary).Select(n => n.Name).ToList();
}
