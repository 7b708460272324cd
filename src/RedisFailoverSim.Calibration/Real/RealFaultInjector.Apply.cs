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
            case FaultKind.Partition:
            case FaultKind.OneWay:
                {
                    var (links, label) = PartitionLinks.Of(fault, AllMembers(), primary is null ? null : (primary.Name, primary.Az));
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

    /// <summary>As the model's FaultInjector resolves a target (<see cref="PartitionLinks.Resolve"/>).</summary>
    private List<(string Name, string Az)> Members(FaultTarget target, ServerMember? primary) =>
        PartitionLinks.Resolve(target, AllMembers(), primary is null ? null : (primary.Name, primary.Az));

    private static string Names(IEnumerable<ServerMember> members) => string.Join(",", members.Select(m => m.Name));
}
