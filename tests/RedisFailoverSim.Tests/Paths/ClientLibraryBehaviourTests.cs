using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>What each profile's defaults do in a Sentinel failover, pinned to the sources of those defaults (docs/sources.md §11).</summary>
public class ClientLibraryBehaviourTests
{
    private static PathResult Run(WorldSpec spec, string library, ulong seed = 3)
    {
        Assert.True(ClientLibraries.TryFind(library, out var profile));
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec with { Client = profile.Settings }, seed, RunOptions.Default);
    }

    [Fact]
    public void RedisPy_NoSocketTimeout_NeverTimesOutAWriteToAPausedPrimary()
    {
        // redis-py 7.x: socket_timeout=None (docs/sources.md §11.2). The primary is paused (SIGSTOP: no reset) until
        // the run's final heal; what was sent to it waits, nothing fails or times out, and the old primary
        // acknowledges it all when it resumes, before Sentinel turns it into a replica of the promoted node: those
        // acknowledged writes are lost.
        var pause = Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 20, 300, FaultTarget.Primary)]);
        var redisPy = Run(pause, "redis-py");
        Assert.Equal(0, redisPy.Writes.Failed);
        Assert.Equal(0, redisPy.Writes.Unknown);
        Assert.True(redisPy.Writes.AcknowledgedLost > 0, $"{redisPy.Writes}");

        // StackExchange.Redis times them out after 5 s, follows the promoted replica and loses none.
        var stackExchange = Run(pause, "stackexchange-redis");
        Assert.True(stackExchange.Writes.Failed > 0, $"{stackExchange.Writes}");
        Assert.NotNull(stackExchange.Failover?.ClientObservedSeconds);
        Assert.Equal(0, stackExchange.Writes.AcknowledgedLost);
    }

    [Fact]
    public void Lettuce_SixtySecondTimeout_QueuesThroughASentinelFailoverWithoutFailingAWrite()
    {
        // Lettuce: a 60 s command timeout and a queue while reconnecting (docs/sources.md §9.3): a crash that
        // Sentinel repairs in 31-34 s fails none of the queued writes; StackExchange.Redis's 5 s timeout fails some.
        var crash = Specs.ThreeNodes([Specs.CrashPrimary(20)]);
        var lettuce = Run(crash, "lettuce");
        Assert.Equal(0, lettuce.Writes.Failed);
        Assert.NotNull(lettuce.Failover?.ClientObservedSeconds);
        Assert.True(Run(crash, "stackexchange-redis").Writes.Failed > 0);
    }

    [Fact]
    public void PoolSize8_FifteenSecondPause_AtMostEightWritesReachThePausedPrimaryTheRestWaitInTheClient()
    {
        // A pooled library (pool-size 8: Jedis's maxTotal, docs/sources.md §11.15) sends one command per connection:
        // while the primary is paused (no failover: down-after 30 s) each client's first 8 writes reach it and wait for
        // its reply; every later one waits in the client. With no command timeout and a 1 s pool timeout, the ones
        // that waited 1 s fail, never sent; those that reached the primary are acknowledged when it resumes at 35 s.
        var pause = Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 20, 15, FaultTarget.Primary)], durationS: 60);
        Assert.True(ClientLibraries.TryFind("jedis", out var jedis));
        var pooled = jedis.Settings with { CommandTimeout = ClientSettings.Never, PoolTimeout = SimDuration.FromSeconds(1) };
        Assert.Equal(8, pooled.PoolSize);

        var bounded = DeploymentPaths.Run(DeploymentPaths.SelfHosted, pause with { Client = pooled }, 3, RunOptions.Default);
        var multiplexed = DeploymentPaths.Run(DeploymentPaths.SelfHosted, pause with { Client = pooled with { PoolSize = int.MaxValue } }, 3, RunOptions.Default);

        for (int client = 0; client < 3; client++)
        {
            // Issued in [20 s, 34 s): a waiting one's 1 s runs out before the resume.
            var (okBounded, failedBounded, issued) = PauseOutcomes(bounded, client);
            Assert.InRange(okBounded, 7, 8);
            Assert.Equal(issued - okBounded, failedBounded);
            Assert.True(issued > 600, $"{issued}");

            var (okMultiplexed, _, issuedMultiplexed) = PauseOutcomes(multiplexed, client);
            Assert.Equal(issuedMultiplexed, okMultiplexed);
        }

        Assert.Equal(0, bounded.Writes.Unknown);
        Assert.Equal(0, multiplexed.Writes.Failed);

        // Without a pool timeout (Jedis: maxWait -1) the waiting writes are sent after the resume: none fails, and each
        // one's latency counts from its intended start, so it includes the wait.
        var waiting = DeploymentPaths.Run(DeploymentPaths.SelfHosted, pause with { Client = pooled with { PoolTimeout = ClientSettings.Never } }, 3, RunOptions.Default);
        Assert.Equal(0, waiting.Writes.Failed);
        Assert.Equal(0, waiting.Writes.Unknown);
        var s = waiting.Samples!;
        Assert.All(Enumerable.Range(0, s.Count).Where(i => s.IntendedStartSeconds[i] is >= 20.1 and < 34),
            i => Assert.True(s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000) >= 35, $"write {i}"));
    }

    [Fact]
    public void Jedis_PoolOfEight_APausedPrimaryLeavesEightUnknownPerClientPerTimeoutNotTwoSecondsOfWrites()
    {
        // Jedis's profile: pool-size 8 (docs/sources.md §11.15), a 2 s socket timeout from the send that breaks the
        // connection. A 45 s pause of the primary (failover after down-after 30 s): what the socket timeout cuts off is
        // at most the 8 writes in flight per client, each unknown; the rest waited in the client and fail unsent.
        // Multiplexed, every write of the 2 s before the timeout was in flight and ends unknown.
        var pause = Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 20, 45, FaultTarget.Primary)]);
        var pooled = Run(pause, "jedis");
        Assert.True(ClientLibraries.TryFind("jedis", out var jedis));
        var multiplexed = DeploymentPaths.Run(DeploymentPaths.SelfHosted, pause with { Client = jedis.Settings with { PoolSize = int.MaxValue } }, 3, RunOptions.Default);

        Assert.True(pooled.Writes.Unknown > 0);
        Assert.Equal(0, pooled.Writes.Unknown % 8);
        Assert.InRange(pooled.Writes.Unknown, 3 * 8, 3 * 8 * 2);
        Assert.True(multiplexed.Writes.Unknown >= 3 * 50 * 2 * 0.9, $"{multiplexed.Writes}");
        Assert.Equal(pooled.Writes.Acknowledged, multiplexed.Writes.Acknowledged);
    }

    private static (int Ok, int Failed, int Issued) PauseOutcomes(PathResult result, int client)
    {
        var s = result.Samples!;
        var during = Enumerable.Range(0, s.Count).Where(i => s.Client[i] == client && s.IntendedStartSeconds[i] is >= 20 and < 34).ToList();
        return (during.Count(i => s.Outcomes[i] == WriteOutcome.Ok), during.Count(i => s.Outcomes[i] == WriteOutcome.Failed), during.Count);
    }

    [Fact]
    public void Lettuce_OfflineQueueLimit100_FailsWhatTheFullQueueCannotHoldThenAcknowledgesTheQueue()
    {
        // A bounded queue (offline-queue-limit, Lettuce's requestQueueSize): while the client has no primary each of
        // the three clients (50 writes/s) holds its first 100 writes and fails the rest at once, never sent.
        var crash = Specs.ThreeNodes([Specs.CrashPrimary(20)]);
        Assert.True(ClientLibraries.TryFind("lettuce", out var lettuce));
        var bounded = DeploymentPaths.Run(DeploymentPaths.SelfHosted, crash with { Client = lettuce.Settings with { OfflineQueueLimit = 100 } }, 3, RunOptions.Default);

        double outage = bounded.Failover!.ClientObservedSeconds!.Value;
        double expected = 3 * ((50 * outage) - 100);
        Assert.InRange(bounded.Writes.Failed, expected * 0.97, expected * 1.03);
        Assert.Equal(0, bounded.Writes.Unknown);
        Assert.Equal(0, Run(crash, "lettuce").Writes.Failed);
    }

    [Fact]
    public void Jedis_TwoSecondSocketTimeout_ReachesThePromotedReplicaOnSwitchMaster()
    {
        // Jedis: a 2 s socket timeout breaks the connection, and JedisSentinelPool follows +switch-master
        // (docs/sources.md §11.4): the client writes to the promoted replica once Sentinel announces it.
        var pause = Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 20, 300, FaultTarget.Primary)]);
        var jedis = Run(pause, "jedis");
        Assert.NotNull(jedis.Failover?.ClientObservedSeconds);
        Assert.InRange(jedis.Failover!.ClientObservedSeconds!.Value, jedis.Failover.ControlPlaneSeconds, jedis.Failover.SwitchMasterSeconds!.Value + 1.0);
    }

    [Fact]
    public void NodeRedis6_PausedPrimary_FollowsSwitchMasterAndNeverTimesOutAWrite()
    {
        // node-redis 6.3.1's Sentinel client resets on +switch-master and its 5 s timeout only covers unwritten
        // commands, which it holds while rediscovering (docs/sources.md §11.11): writes to the paused primary neither
        // fail nor time out, the client reaches the promoted replica within a second of its Sentinel's +switch-master,
        // and nothing it acknowledged is lost (the real 6.3.1, rfsim calibrate --client node-redis: 0 failed, 0 lost).
        // It listens to one Sentinel (§11.16), which may adopt the switch up to a 2 s hello period after the first.
        var pause = Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 20, 300, FaultTarget.Primary)]);
        var node = Run(pause, "node-redis");
        Assert.Equal(0, node.Writes.Failed);
        Assert.Equal(0, node.Writes.AcknowledgedLost);
        Assert.NotNull(node.Failover?.ClientObservedSeconds);
        Assert.InRange(node.Failover!.ClientObservedSeconds!.Value, node.Failover.ControlPlaneSeconds, node.Failover.SwitchMasterSeconds!.Value + 2.0 + 1.0);
    }

    [Fact]
    public void NodeRedis6_PausedPrimary_WritesInFlightAtSwitchMasterAreSentAgainToThePromotedReplica()
    {
        // RedisSentinel.execute runs a write again when its client is not ready (docs/sources.md §11.16): what waited
        // on the paused primary when +switch-master reset the client is sent to the promoted replica and acknowledged
        // there; the old primary applies its copy from the socket buffer when it resumes (applied twice, not lost).
        var pause = Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 20, 300, FaultTarget.Primary)]);
        var resend = Run(pause, "node-redis");
        long resent = resend.Events.Where(e => e.Text.Contains(" re-sent ", StringComparison.Ordinal))
            .Sum(e => long.Parse(e.Text.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(resent > 100, $"{resent}");
        Assert.Equal(0, resend.Writes.Unknown);
        Assert.Equal(resent, resend.Writes.DuplicatedAcknowledged);

        // With the re-send off the same writes end unknown.
        Assert.True(ClientLibraries.TryFind("node-redis", out var profile));
        var off = DeploymentPaths.Run(DeploymentPaths.SelfHosted, pause with { Client = profile.Settings with { InFlightOnDrop = InFlightOnDrop.Unknown } }, 3, RunOptions.Default);
        Assert.Equal(resent, off.Writes.Unknown);
        Assert.Equal(0, off.Writes.Duplicated);
    }
}
