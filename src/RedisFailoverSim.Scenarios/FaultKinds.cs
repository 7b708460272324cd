using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Scenarios;

/// <summary>The scenario-file names of the fault kinds (<c>kind: crash</c>), for parsing, messages and help texts.</summary>
public static class FaultKinds
{
    private static readonly (FaultKind Kind, string Name)[] Table =
    [
        (FaultKind.Crash, "crash"),
        (FaultKind.PowerOff, "power-off"),
        (FaultKind.Pause, "pause"),
        (FaultKind.Isolate, "isolate"),
        (FaultKind.Partition, "partition"),
        (FaultKind.OneWay, "one-way"),
        (FaultKind.SlowAz, "slow-az"),
        (FaultKind.AzPowerInterruption, "az-power-interruption"),
        (FaultKind.NodeReplacement, "node-replacement"),
        (FaultKind.Reboot, "reboot"),
        (FaultKind.TrafficBurst, "traffic-burst"),
        (FaultKind.ClusterFailover, "cluster-failover"),
        (FaultKind.LogPacketLoss, "log-packet-loss"),
        (FaultKind.LogSlowReplica, "log-slow-replica"),
        (FaultKind.LogBrownout, "log-brownout"),
    ];

    /// <summary>Every name, in the order of <see cref="FaultKind"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(t => t.Name).ToList();

    /// <summary>The scenario name of a kind, e.g. <c>az-power-interruption</c>.</summary>
    public static string Name(FaultKind kind) =>
        Table.Single(t => t.Kind == kind).Name;

    /// <summary>The kind a scenario name stands for; false for an unknown name.</summary>
    public static bool TryParse(string name, out FaultKind kind)
    {
        foreach (var (k, n) in Table)
        {
            if (n == name)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
