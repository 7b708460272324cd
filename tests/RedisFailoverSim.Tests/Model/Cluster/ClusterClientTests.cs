using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>
/// A cluster client on its shard's connection (CLUSTER SLOTS, -MOVED, -CLUSTERDOWN) against the bus: what it loses
/// when its primary is cut off with it, and how it finds the new primary (docs/sources.md §3.2, §3.5).
/// </summary>
public class ClusterClientTests
{
    [Theory]
    [InlineData(21UL)]
    [InlineData(121UL)]
    [InlineData(221UL)]
    public void MinorityPrimaryWithItsClient_AcksUntilItsStateFails_ThoseWritesLostOnHeal(ulong seed)
    {
        var world = new ClusterWorld(nodeTimeoutMs: 15_000, seed: seed, clientShards: [0]);
        var old = world.Node(0, 0);
        var client = world.World.Clients[0];
        world.RunUntilSeconds(60);
        world.Isolate(old);
        world.CutFromNodesExcept(client, old);
        world.RunUntilSeconds(120);
        world.Heal(old);
        world.HealFromNodesExcept(client, old);
        world.RunUntilSeconds(180);

        // The minority primary acknowledges until clusterUpdateState turns it FAIL (cluster.c l.4466-4495), which comes
        // a node-timeout after its pings to the other primaries, not at the partition: about 15-22.7 s of acked writes.
        double stateFail = world.Events("n1.1", "Cluster state changed: fail").Single().Seconds;
        var ledger = world.World.Ledger;
        var ackedAlone = Enumerable.Range(0, (int)ledger.Count)
            .Where(w => ledger.Outcome(w) == WriteOutcome.Ok && ledger.AckedBy(w) == 0 && ledger.CompletedAt(w).TotalSeconds > 60.01)
            .ToList();
        double lastAck = ackedAlone.Max(w => ledger.CompletedAt(w).TotalSeconds);
        Assert.InRange(lastAck, stateFail - 0.02, stateFail + 0.01);
        Assert.InRange(lastAck - 60, 15.0, 15 + 7.5 + 0.2);

        // Then -CLUSTERDOWN: every write fails until the heal (no retry by default).
        Assert.Contains(Enumerable.Range(0, (int)ledger.Count), w => ledger.Outcome(w) == WriteOutcome.Failed && ledger.CompletedAt(w).TotalSeconds > stateFail);

        // After the heal the old primary is a replica of the winner (clusterUpdateSlotsConfigWith l.1867-1975): what it
        // acknowledged alone is gone, and the client writes to the winner (-MOVED from the old primary, or a refreshed map).
        var winner = world.World.Nodes.Single(n => n.Name == world.Events("Failover election won").Single().Source);
        var kept = Enumerable.Range(0, winner.Dataset.Count).Select(i => winner.Dataset[i].WriteId).ToHashSet();
        Assert.DoesNotContain(ackedAlone, w => kept.Contains(w));
        Assert.Contains(Enumerable.Range(0, (int)ledger.Count), w => ledger.Outcome(w) == WriteOutcome.Ok && ledger.AckedBy(w) == winner.NodeIndex && ledger.CompletedAt(w).TotalSeconds > 120);
        Assert.Equal(winner.Id, client.Target);
    }
}
