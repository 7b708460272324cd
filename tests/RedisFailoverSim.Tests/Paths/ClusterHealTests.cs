using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// What follows the heal of a cut primary, on rfsim calibrate's test bed (<c>RetransmitAtHeal</c>: its proxies hold a
/// client's connect across a cut, reset a node's, and forward what a cut held at the heal; docs/sources.md §3.17):
/// StackExchange.Redis's bridge reconnect pending across the cut (A172) and the bus links' reconnect (A173). The rejoin
/// delay of a primary that stays one is pinned in ClusterBusRankAndRejoinTests (docs/sources.md §3.18).
/// </summary>
public class ClusterHealTests
{
    private const double HealSeconds = 50;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void PrimaryIsolatedWithItsClient_OnTheTestBed_TheReconnectPendingAcrossTheCutCompletesAtTheHeal(ulong seed)
    {
        // calibration/scenarios/cluster-primary-isolated.yaml: {n1.1, c1} cut at 20 s for 30 s. c1's connections to n2.1
        // and n3.1 are dropped as dead about 21 s in (A39); PhysicalBridge.OnHeartbeat resurrects each on the next 1 s
        // heartbeat, to the same server. The proxy completes the TCP connect and holds it, so the bridge is
        // ConnectedEstablishing, which only the 60 s keep-alive ends: its role check is answered at the heal, as the real
        // client's "OnConnectedAsync completed" 25-36 ms after it. Before A172 the connect failed at the 5 s connect
        // timeout and c1 reconnected 2.1-2.4 s after the heal.
        var result = RunIsolated(seed);
        foreach (var (shard, primary) in new[] { ("c1/shard2", "n2.1"), ("c1/shard3", "n3.1") })
        {
            double dropped = result.Events.Single(e => e.Source == shard && e.Text.Contains("dead socket", StringComparison.Ordinal)).Seconds;
            var resurrected = result.Events.Where(e => e.Source == shard && e.Text.Contains($"reconnects to {primary} (resurrecting", StringComparison.Ordinal)).ToList();
            Assert.InRange(Assert.Single(resurrected).Seconds, dropped + 0.999, dropped + 1.001);
            double connected = result.Events.First(e => e.Source == shard && e.Seconds > dropped && e.Text.Contains("connected to primary " + primary, StringComparison.Ordinal)).Seconds;
            Assert.InRange(connected, HealSeconds, HealSeconds + 0.01);
        }
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void PrimaryIsolatedWithItsClient_OnTheTestBed_TheDemotedOldPrimaryTurnsStateOkWithinTwoCronsOfTheHeal(ulong seed)
    {
        // The nodes' proxies reset a bus connect across the cut, so each node reconnects its links on every cron (A173)
        // and the first cron after the heal gets through: n1.1 hears the promoted replica's claim (or an UPDATE), turns
        // replica, and clusterUpdateState sets OK once two primaries answer its pings; a replica has no rejoin delay
        // (nodeIsMaster(myself) is false). Real runs: demoted 14-48 ms after the heal, OK 15-75 ms after the demotion.
        var result = RunIsolated(seed);
        double demoted = result.Events.Single(e => e.Source == "n1.1" && e.Text.Contains("Reconfiguring myself as a replica", StringComparison.Ordinal)).Seconds;
        double ok = result.Events.Last(e => e.Source == "n1.1" && e.Text.Contains("Cluster state changed: ok", StringComparison.Ordinal)).Seconds;
        Assert.InRange(demoted, HealSeconds, HealSeconds + 0.2);
        Assert.InRange(ok, demoted, HealSeconds + 0.2);
    }

    private static PathResult RunIsolated(ulong seed)
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "calibration", "scenarios", "cluster-primary-isolated.yaml")).World;
        spec = spec with { Network = spec.Network with { RetransmitAtHeal = true } };
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, seed, new RunOptions());
    }
}
