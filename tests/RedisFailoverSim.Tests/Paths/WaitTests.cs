using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// What WAIT promises across a failover (docs/sources.md §1.4, §16.4), on the bundled wait-one-replica scenario: az-a
/// (n1 the primary, n2 a replica, c1) is isolated for 60 s while the other side promotes n3. n2 answers every WAIT
/// c1 sends, so c1's writes are confirmed, and lost all the same: WAIT counts a replica, it does not choose the one
/// Sentinel promotes. Counted write by write; the exact ledger agrees with the compact one (audit on).
/// </summary>
public class WaitTests
{
    private static readonly RunOptions Audited = RunOptions.Default with { Audit = true };

    private static Scenario Bundled() =>
        ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "wait-one-replica.yaml"));

    private static PathResult Run(WorldSpec world, ulong seed = 42) =>
        DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, seed, Audited);

    private static WorldSpec ReplicaInAzC(WorldSpec world) => world with
    {
        Nodes = [.. world.Nodes.Select(n => n.Name == "n2" ? n with { Az = "az-c" } : n)],
    };

    [Fact]
    public void SameAzReplicaAnswersEveryWait_TheConfirmedWritesOfTheIsolatedSideAreLost()
    {
        var result = Run(Bundled().World);
        var w = result.Writes;
        Assert.Equal(1, result.FailoverCount);

        // c1 writes 100/s to n1 for the 60 s of isolation and n2 confirms each; every acknowledged write lost was
        // confirmed by its WAIT (the split brain's writes, c1's and those clients sent to n1 after the heal).
        Assert.True(w.WaitConfirmedLost >= 5_900, $"confirmed and lost: {w.WaitConfirmedLost}");
        Assert.Equal(w.AcknowledgedLost, w.WaitConfirmedLost);
        Assert.True(w.WaitConfirmed > w.WaitConfirmedLost);
    }

    [Fact]
    public void SameScenarioWithoutWait_LosesExactlyTheSameWrites()
    {
        // WAIT changes what the client knows, not what survives: the same acknowledged writes are lost at seed 42.
        var bundled = Bundled().World;
        var with = Run(bundled);
        var without = Run(bundled with { Workload = bundled.Workload with { Wait = null } });
        Assert.Equal(with.Writes.AcknowledgedLost, without.Writes.AcknowledgedLost);
        Assert.Equal(0, without.Writes.WaitConfirmed + without.Writes.WaitShort);

        // The price: n3 promoted with no replica it can reach blocks each WAIT for its 100 ms, and the writes queued
        // behind it on the connection time out.
        Assert.True(with.Writes.Unknown > without.Writes.Unknown + 5_000, $"unknown {with.Writes.Unknown} vs {without.Writes.Unknown}");
    }

    [Fact]
    public void ReplicaInAnotherAz_TheIsolatedSidesWaitsAnswerZeroAndNoConfirmedWriteIsLost()
    {
        // n2 in az-c: isolated n1 has no replica to answer, so c1's WAITs time out with 0 (WAIT 1 100 answers the
        // count reached, docs/sources.md §16.4); every acknowledged write lost had a short WAIT.
        var result = Run(ReplicaInAzC(Bundled().World));
        var w = result.Writes;
        Assert.Equal(0, w.WaitConfirmedLost);
        Assert.True(w.AcknowledgedLost > 0);
        Assert.Equal(w.AcknowledgedLost, w.WaitShort);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void WaitAofAndEverySecondWrite_ExactAndCompactAccountingsAgree(ulong seed)
    {
        // Audited runs stop on any difference between the two accountings (SimulationAuditor).
        var bundled = Bundled().World;
        var world = bundled with
        {
            Workload = bundled.Workload with { Wait = new WaitSpec(2, 1, RedisFailoverSim.Engine.Time.SimDuration.FromMilliseconds(50)) { Aof = true, NumLocal = 1 } },
            Redis = bundled.Redis with { Persistence = new PersistenceSettings(true, AppendFsync.Everysec, []) },
        };
        var result = Run(world, seed);
        Assert.True(result.Writes.WaitConfirmed + result.Writes.WaitShort > 0);
        Assert.True(result.Writes.WaitConfirmedLost <= result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void ElastiCacheNodeBased_RunsWaitAsRedis_TheWritesN2ConfirmedBeforeTheFencingAreLost()
    {
        // Node-based ElastiCache does not restrict WAIT (docs/sources.md §5.3), so the same scenario runs there. Its
        // control plane (az-b/az-c side) declares n1 failed about 15.7 s after the cut and powers it off (A19): c1's
        // writes of those seconds, each confirmed by n2 in az-a, are lost; every acknowledged write lost had been
        // confirmed by its WAIT.
        var result = DeploymentPaths.Run(DeploymentPaths.ElastiCache, Bundled().World, 42, Audited);
        var w = result.Writes;
        Assert.Equal(1, result.FailoverCount);
        Assert.Equal(w.AcknowledgedLost, w.WaitConfirmedLost);
        Assert.InRange(w.WaitConfirmedLost, 1_400, 1_700);
        Assert.True(w.WaitConfirmed > 15_000, $"confirmed {w.WaitConfirmed}");
    }
}
