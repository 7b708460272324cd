using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>What each fault kind does to the real processes and proxies.</summary>
internal sealed partial class RealFaultInjector
{
    private (RealFaultWindow Window, Action Heal) Apply(FaultSpec fault, ServerMember? primary)
    {
        string kind = FaultInjector.KindName(fault.Kind);
        double now = _clock.Seconds;
        switch (fault.Kind)
        {
            case FaultKind.Crash:
            case FaultKind.Reboot:
                {
                    var targets = Servers(fault.Target, primary);
                    targets.ForEach(_cluster.Crash);
                    var window = Window("kill -9 " + Names(targets), kind, now, primary, targets);
                    return (window, () => targets.ForEach(_cluster.Restart));
                }

            case FaultKind.PowerOff:
                {
                    // Silence without resets: the process is stopped, its sockets stay open and unanswered; at the
                    // heal it is killed and restarted empty, as a host that lost power boots again.
                    var targets = Servers(fault.Target, primary);
                    targets.ForEach(LocalCluster.Pause);
                    var window = Window("power-off (SIGSTOP, then restart) " + Names(targets), kind, now, primary, targets);
                    return (window, () => targets.ForEach(_cluster.Restart));
                }

            case FaultKind.Pause:
                {
                    var targets = Servers(fault.Target, primary).Where(m => m.Kind == MemberKind.Node).ToList();
                    targets.ForEach(LocalCluster.Pause);
                    var window = Window("pause (SIGSTOP) " + Names(targets), kind, now, primary, targets);
                    return (window, () => targets.ForEach(LocalCluster.Resume));
                }

            case FaultKind.Isolate:
                {
                    var inside = Members(fault.Target, primary);
                    var outside = AllMembers().Where(m => !inside.Contains(m)).ToList();
                    var links = Between(inside, outside, bothWays: true);
                    return Cut(links, $"isolate {{{string.Join(",", inside.Select(m => m.Name))}}}", kind, now, primary);
                }

            case FaultKind.Partition:
            case FaultKind.OneWay:
                {
                    bool oneWay = fault.Kind == FaultKind.OneWay;
                    var groups = Groups(fault.Target);
                    var links = new List<(string, string)>();
                    for (int a = 0; a < groups.Count; a++)
                    {
                        for (int b = 0; b < groups.Count; b++)
                        {
                            if (a != b && (!oneWay || (a == 0 && b == 1)))
                            {
                                links.AddRange(Between(groups[a], groups[b], bothWays: false));
                            }
                        }
                    }

                    string label = (oneWay ? "one-way cut " : "partition ") + string.Join(oneWay ? " → " : " | ", groups.Select(g => "{" + string.Join(",", g.Select(m => m.Name)) + "}"));
                    return Cut(links, label, kind, now, primary);
                }

            default:
                throw new CalibrationSetupException($"fault '{kind}' cannot be reproduced on loopback");
        }
    }

    private (RealFaultWindow, Action) Cut(List<(string From, string To)> links, string label, string kind, double now, ServerMember? primary)
    {
        _cluster.Cuts.Cut(links);
        bool hit = primary is not null && links.Any(l => l.From == primary.Name || l.To == primary.Name);
        var window = new RealFaultWindow(label, kind, now, null, primary?.Name, hit, links.Select(l => l.From + "→" + l.To).ToList());
        return (window, () => _cluster.Cuts.Heal(links));
    }

    private static RealFaultWindow Window(string label, string kind, double now, ServerMember? primary, List<ServerMember> targets) =>
        new(label, kind, now, null, primary?.Name, primary is not null && targets.Contains(primary), []);

    /// <summary>Every member (node, Sentinel, client) by name and AZ.</summary>
    private List<(string Name, string Az)> AllMembers() =>
        [.. _cluster.Servers.Select(m => (m.Name, m.Az)), .. _cluster.Spec.Clients.Select(c => (c.Name, c.Az))];

    /// <summary>The servers a node-level fault hits.</summary>
    private List<ServerMember> Servers(FaultTarget target, ServerMember? primary)
    {
        var names = Members(target, primary).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        return _cluster.Servers.Where(m => names.Contains(m.Name)).ToList();
    }

    /// <summary>As the model's FaultInjector resolves a target: the primary, a member by name, or an AZ's members.</summary>
    private List<(string Name, string Az)> Members(FaultTarget target, ServerMember? primary) => target.Kind switch
    {
        FaultTargetKind.Primary => primary is null ? [] : [(primary.Name, primary.Az)],
        FaultTargetKind.Member => AllMembers().Where(m => m.Name == target.Name).ToList(),
        FaultTargetKind.Az => AllMembers().Where(m => m.Az == target.Name).ToList(),
        _ => throw new CalibrationSetupException("fault target kind not valid here: " + target.Kind),
    };

    /// <summary>Each member goes to the group naming it, else to the group naming its AZ; others are not cut (as the model).</summary>
    private List<List<(string Name, string Az)>> Groups(FaultTarget target)
    {
        var groups = target.Groups.Select(_ => new List<(string Name, string Az)>()).ToList();
        foreach (var member in AllMembers())
        {
            int byName = -1;
            int byAz = -1;
            for (int g = 0; g < target.Groups.Count; g++)
            {
                byName = target.Groups[g].Contains(member.Name) ? g : byName;
                byAz = target.Groups[g].Contains(member.Az) ? g : byAz;
            }

            int group = byName >= 0 ? byName : byAz;
            if (group >= 0)
            {
                groups[group].Add(member);
            }
        }

        return groups;
    }

    private static List<(string From, string To)> Between(IReadOnlyList<(string Name, string Az)> a, IReadOnlyList<(string Name, string Az)> b, bool bothWays)
    {
        var links = new List<(string, string)>();
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.Name == y.Name)
                {
                    continue;
                }

                links.Add((x.Name, y.Name));
                if (bothWays)
                {
                    links.Add((y.Name, x.Name));
                }
            }
        }

        return links;
    }

    private static string Names(IEnumerable<ServerMember> members) => string.Join(",", members.Select(m => m.Name));
}
