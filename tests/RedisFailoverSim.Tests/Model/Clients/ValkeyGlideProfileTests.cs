using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model.Clients;

/// <summary>The valkey-glide profile pinned to glide-core's source and the 2.5.2 package (docs/sources.md §11.20).</summary>
public class ValkeyGlideProfileTests
{
    private static ClientSettings Glide()
    {
        Assert.True(ClientLibraries.TryFind("valkey-glide", out var library));
        return library.Settings;
    }

    [Fact]
    public void Timeouts_RequestTimeout250MillisecondsFromTheCallConnectTimeoutTwoSeconds()
    {
        // mod.rs DEFAULT_RESPONSE_TIMEOUT 250 ms around the whole request (run_with_timeout in Client::send_command);
        // 2.5.2 exports DEFAULT_CONNECTION_TIMEOUT_IN_MILLISECONDS 2000 (measured).
        var p = Glide();
        Assert.Equal(SimDuration.FromMilliseconds(250), p.CommandTimeout);
        Assert.Equal(TimeoutOrigin.IntendedStart, p.TimeoutOrigin);
        Assert.Equal(ClientTimers.Exact, p.Timers);
        Assert.Equal(ConnectionAction.Keep, p.OnTimeout);
        Assert.Equal(SimDuration.FromMilliseconds(2000), p.ConnectTimeout);

        // A request waits for the connection (get_connection) and its TimeoutError does not say it was never sent.
        Assert.Equal(OfflineQueue.Queue, p.OfflineQueue);
        Assert.Equal(UnsentTimeout.Unknown, p.UnsentTimeout);
    }

    [Fact]
    public void Reconnect_RetryStrategyDefaults_200MillisecondsDoublingTo3200PlusMinus20Percent()
    {
        // retry_strategies.rs: EXPONENT_BASE 2, FACTOR 100, NUMBER_OF_RETRIES 5, DEFAULT_JITTER_PERCENT 20:
        // 200, 400, 800, 1600, 3200 ms, each × [0.8, 1.2], then 3200 ms for ever; the first attempt is immediate.
        var p = Glide();
        Assert.Equal(ConnectionAction.Rediscover, p.OnReset);
        var random = new RandomStream(5);
        double[] centres = [200, 400, 800, 1600, 3200, 3200, 3200];
        for (int attempt = 0; attempt < centres.Length; attempt++)
        {
            Assert.InRange(p.Reconnect.Delay(attempt, random).TotalMilliseconds, 0.8 * centres[attempt], 1.2 * centres[attempt]);
        }

        var none = p.Reconnect with { Jitter = BackoffJitter.None };
        Assert.Equal(SimDuration.FromMilliseconds(1600), none.Delay(3, random));
        Assert.Equal(SimDuration.FromMilliseconds(3200), none.Delay(40, random));
    }

    [Fact]
    public void Discovery_PrimaryKeptFromCreation_ErrorRepliesReturnedNoRoleCheckNoSentinel()
    {
        // standalone_client.rs: primary_index fixed in create_client; send_request returns error replies as they are;
        // reconnect checks PING only; no Sentinel client.
        var p = Glide();
        Assert.Equal(PrimaryDiscovery.FixedAtCreation, p.PrimaryDiscovery);
        Assert.Equal(ConnectionAction.Keep, p.OnReadOnly);
        Assert.Equal(ConnectionAction.Keep, p.OnNoReplicas);
        Assert.Equal(0, p.RetryAttempts);
        Assert.False(p.RoleCheckOnConnect);
        Assert.False(p.FollowSwitchMaster);
        Assert.False(p.ConnectToEveryNode);
        Assert.Equal(InFlightOnDrop.Unknown, p.InFlightOnDrop);
        Assert.Equal(DeadSocketCheck.None, p.DeadSocket);
    }

    [Fact]
    public void OtherProfiles_AskTheSentinelsAndFailUnsentTimeouts()
    {
        foreach (var library in ClientLibraries.All.Where(l => l.Id != "valkey-glide"))
        {
            Assert.Equal(PrimaryDiscovery.Sentinel, library.Settings.PrimaryDiscovery);
            Assert.Equal(UnsentTimeout.Failed, library.Settings.UnsentTimeout);
        }
    }

    [Fact]
    public void Explain_Facts_NameTheSourceAndTheAssumptions()
    {
        Assert.True(ClientLibraries.TryFind("valkey-glide", out var library));
        var discovery = library.Facts.Single(f => f.Key == "primary-discovery");
        Assert.Equal("fixed-at-creation", discovery.Value);
        Assert.Contains("A176", discovery.Source, StringComparison.Ordinal);
        Assert.Equal("plus-minus-20-percent", library.Facts.Single(f => f.Key == "reconnect-jitter").Value);
        Assert.Equal("docs/sources.md §11.20", library.Facts.Single(f => f.Key == "unsent-timeout").Source);
        Assert.StartsWith("calibrated: rfsim calibrate --client valkey-glide", library.Calibration, StringComparison.Ordinal);
    }
}
