using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// The failover behind the Serverless proxy (ASSUMPTIONS A169, A170; docs/sources.md §5.3): a shard primary killed
/// with kill -9 resets the proxies' connections; the proxies hold the shard's writes, re-send them to the promoted
/// replica once the route changes, and answer an error after serverless.proxy-hold.
/// </summary>
public class ServerlessProxyFailoverTests
{
    private static PathResult Run(WorldSpec spec, ulong seed = 42) =>
        DeploymentPaths.Run(DeploymentPaths.Serverless, spec, seed, RunOptions.Default);

    private static WorldSpec Crash(SimDuration commandTimeout, SimDuration? hold = null)
    {
        var spec = Specs.ThreeNodes([Specs.CrashPrimary(20)], rate: 100, durationS: 120);
        return spec with
        {
            Client = spec.Client with { CommandTimeout = commandTimeout },
            Paths = spec.Paths with { Serverless = spec.Paths.Serverless with { ProxyHold = hold ?? ServerlessSettings.Default.ProxyHold } },
        };
    }

    [Fact]
    public void PrimaryCrash_ClientWaitsLongerThanTheFailover_EveryHeldWriteIsAcknowledgedByTheNewPrimary()
    {
        // A23: n2 takes over 16.3 s after the crash; with a 30 s command timeout nobody gives up, and the proxies'
        // 30 s hold (A170) outlasts the failover, so the writes of those 16.3 s are re-sent to n2, none unknown.
        var result = Run(Crash(SimDuration.FromSeconds(30)));
        Assert.NotNull(result.Failover);
        Assert.InRange(result.Failover.ControlPlaneSeconds, 16.0, 17.0);
        Assert.Equal(0, result.Writes.Unknown);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Equal(0, result.Writes.Duplicated);
        Assert.Equal(result.Writes.Attempted, result.Writes.Acknowledged);
        Assert.Contains(result.Events, e => e.Kind == "proxy" && e.Text.Contains("held writes to n2, the shard's new primary", StringComparison.Ordinal));

        // The writes re-sent waited through the failover: the slowest about its 16.3 s.
        Assert.InRange(ServerlessTests.P99(result, 20, 37), 10_000.0, 17_000.0);
    }

    [Fact]
    public void PrimaryCrash_DefaultClient_GivesUpFirst_HeldWritesAreDroppedAndStayUnknown()
    {
        // The default client (5 s command timeout, A30) drops its connection before the route changes: the proxy
        // drops what it held for it, and the writes of the failover end unknown, as without the hold.
        var result = Run(Crash(ClientSettings.Default.CommandTimeout));
        Assert.Equal(0, result.Writes.Failed);
        Assert.InRange(result.Writes.Unknown, 4_000, 4_900);
        Assert.DoesNotContain(result.Events, e => e.Kind == "proxy" && e.Text.Contains("re-sent", StringComparison.Ordinal));
    }

    [Fact]
    public void PrimaryCrash_HoldShorterThanTheCommandTimeout_HeldWritesFailWithAnErrorInsteadOfTimingOut()
    {
        // proxy-hold 2 s < 5 s: each held write is answered with an error after 2 s (A170), so the client learns
        // it failed; the process was dead, so none of them was applied.
        var result = Run(Crash(ClientSettings.Default.CommandTimeout, SimDuration.FromSeconds(2)));
        Assert.Equal(0, result.Writes.Unknown);
        Assert.InRange(result.Writes.Failed, 4_000, 4_900);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Contains(result.Events, e => e.Kind == "proxy" && e.Text.Contains("with an error each write held for 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public void ClusterPrimaryCrash_ClientWaitsLongerThanTheFailover_OnlyShardOnesWritesAreHeldAndAllAreAcknowledged()
    {
        // cluster-primary-crash: n1.1 (shard 1) is killed at 20 s; the proxies hold shard 1's writes alone (shards 2
        // and 3 keep writing, A152) and re-send them to n1.2 when shard 1's route changes. With the default client
        // 1,435 of shard 1's writes end unknown (docs/sources.md §5.1); with a 30 s command timeout none does.
        var bundled = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "cluster-primary-crash.yaml")).World;
        var spec = bundled with { Client = bundled.Client with { CommandTimeout = SimDuration.FromSeconds(30) } };
        var result = DeploymentPaths.Run(DeploymentPaths.Serverless, spec, 42, RunOptions.Default with { Audit = true });
        Assert.Equal(0, result.Writes.Unknown);
        Assert.Equal(0, result.Writes.Failed);
        Assert.Equal(result.Writes.Attempted, result.Writes.Acknowledged);
        Assert.Contains(result.Events, e => e.Kind == "proxy" && e.Text.Contains("held writes to n1.2", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Events, e => e.Kind == "proxy" && (e.Text.Contains("to n2.", StringComparison.Ordinal) || e.Text.Contains("to n3.", StringComparison.Ordinal)));
    }

    [Fact]
    public void PrimaryCrash_WritesInFlightAtTheReset_AreResentAtLeastOnceAndBothAccountingsAgree()
    {
        // With node-bandwidth set a killed node's replies still queued on its interface never leave (A160), so some
        // writes are in flight on the connection it resets: the proxy holds them as possibly applied (re-sent at least
        // once, A169). The audit compares the exact ledger with the compact accounting write by write.
        var spec = Crash(SimDuration.FromSeconds(30)) with
        {
            Network = NetworkSpec.Default with { NodeBandwidthBitsPerSecond = 500_000_000 },
            Workload = new WorkloadSpec(1000, ArrivalProcess.Constant, SimDuration.FromSeconds(45), 16 * 1024, []),
        };
        spec = spec with { Paths = spec.Paths with { Serverless = spec.Paths.Serverless with { InitialEcpuPerSecond = 1_000_000 } } };
        var result = DeploymentPaths.Run(DeploymentPaths.Serverless, spec, 42, RunOptions.Default with { Audit = true });
        Assert.Contains(result.Events, e => e.Kind == "proxy" && e.Text.Contains("were in flight to n1 when it reset the connection", StringComparison.Ordinal));
        Assert.Equal(0, result.Writes.Unknown);
        Assert.Equal(0, result.Writes.Duplicated);
        Assert.InRange(result.Writes.Failed, 0, 5);
    }

    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("0s", 0)]
    public void ProxyHold_Key_IsReadInMilliseconds(string text, long expectedMs)
    {
        var settings = ServerlessSettings.FromValues([new("proxy-hold", text)]);
        Assert.Equal(SimDuration.FromMilliseconds(expectedMs), settings.ProxyHold);
        Assert.Equal(SimDuration.FromSeconds(30), ServerlessSettings.Default.ProxyHold);
    }

    [Fact]
    public void ProxyHold_NotADuration_IsRejectedNamingTheKey()
    {
        var error = Assert.Throws<PathSettingException>(() => ServerlessSettings.FromValues([new("proxy-hold", "soon")]));
        Assert.Contains("serverless.proxy-hold", error.Message, StringComparison.Ordinal);
    }
}
