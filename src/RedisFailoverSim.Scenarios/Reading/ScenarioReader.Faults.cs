using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
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
    }

    private static TargetRule RuleOf(FaultKind kind) => kind switch
    {
        FaultKind.Crash or FaultKind.PowerOff or FaultKind.Pause or FaultKind.NodeReplacement or FaultKind.Reboot => TargetRule.Node,
        FaultKind.Isolate => TargetRule.Anything,
        FaultKind.SlowAz or FaultKind.AzPowerInterruption => TargetRule.Az,
        FaultKind.Partition or FaultKind.OneWay => TargetRule.Groups,
        FaultKind.TrafficBurst => TargetRule.Everything,
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private List<FaultSpec> ReadFaults(MappingReader top, Topology topology, SimDuration? workloadDuration)
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

            if (ReadFault(new MappingReader(_document, mapping, path, ScenarioKeys.Fault), topology, workloadDuration) is { } fault)
            {
                faults.Add(fault);
            }
        }

        // WorldSpec promises faults in time order; OrderBy is stable, so faults at the same instant keep file order.
        return faults.OrderBy(f => f.At).ToList();
    }

    private FaultSpec? ReadFault(MappingReader fault, Topology topology, SimDuration? workloadDuration)
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

        // Only a crash may last for ever: the process is simply not restarted (FaultSpec.Duration null).
        var duration = fault.Duration("duration");
        if (kind != FaultKind.Crash && !fault.Has("duration"))
        {
            fault.ReportMissing("duration", $"how long the {kindText} lasts, e.g. 30s; only a crash may go on for ever");
        }

        var extraLatency = OnlyFor(fault, "extra-latency", kind, FaultKind.SlowAz, "the one-way delay added to each message, e.g. 20ms")
            ? fault.Duration("extra-latency", required: true)
            : null;
        var multiplier = OnlyFor(fault, "rate-multiplier", kind, FaultKind.TrafficBurst, "the traffic factor, e.g. 20")
            ? fault.Number("rate-multiplier", 0, inclusive: false, required: true, max: ScenarioLimits.RateMultiplier)
            : null;
        var target = ReadTarget(fault, kind, topology);

        if (at is { } start && workloadDuration is { } total && start >= total)
        {
            fault.Report("at", $"expected a time before the workload ends ({total}); found {start}");
            return null;
        }

        if (at is null || (duration is null && kind != FaultKind.Crash) || (duration is null && fault.Has("duration")) || target is null
            || (kind == FaultKind.SlowAz && extraLatency is null)
            || (kind == FaultKind.TrafficBurst && multiplier is null))
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
            SourceLine: (int)fault.Node.Start.Line);
    }

    /// <summary>True when a kind-specific key applies to this kind; reports the key when it is given to another kind.</summary>
    private static bool OnlyFor(MappingReader fault, string key, FaultKind kind, FaultKind owner, string meaning)
    {
        if (kind == owner)
        {
            return true;
        }

        if (fault.Has(key))
        {
            fault.Report(key, $"'{key}' ({meaning}) applies only to {FaultKinds.Name(owner)}, not to {FaultKinds.Name(kind)}");
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
                var instead = rule == TargetRule.Groups ? "give 'groups' instead" : "it applies to every client";
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
            _ when text == "primary" && rule != TargetRule.Az => FaultTarget.Primary,
            TargetRule.Node when member is { Kind: MemberKind.Node } => FaultTarget.Member(text),
            TargetRule.Anything when member is not null || ServiceMembers.IsServiceMember(text) => FaultTarget.Member(text),
            TargetRule.Anything or TargetRule.Az when topology.IsAz(text) => FaultTarget.Az(text),
            _ => null,
        };
        if (target is null)
        {
            var candidates = rule switch
            {
                TargetRule.Node => topology.NodeNames.Append("primary"),
                TargetRule.Az => topology.Azs,
                _ => topology.Members.Select(m => m.Name).Concat(topology.Azs).Append("primary").Concat(ServiceMembers.Names),
            };
            var what = member is not null ? $"the {Word(member.Kind)} '{text}'"
                : topology.IsAz(text) ? $"the AZ '{text}'"
                : $"'{text}'";
            fault.Report("target", $"expected {expected} for {name}; found {what}{Suggestions.DidYouMean(text, candidates)}");
        }

        return target;
    }
}
