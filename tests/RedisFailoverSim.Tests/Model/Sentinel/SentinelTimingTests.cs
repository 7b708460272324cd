using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Tests.Model.Sentinel;

/// <summary>Sentinel timings pinned to sentinel.c (Redis 7.0.15), docs/sources.md §2.8-§2.10.</summary>
public class SentinelTimingTests
{
    // The Sentinel timer runs at hz = 10 + rand() % 10 (docs/sources.md §2.1): at most 100 ms between ticks.
    private const double MaxTickSeconds = 0.1;

    // Generous for one cross-AZ hop in the default network (a few ms), and for the tick the reply waits for.
    private const double OneHopSeconds = 0.05;

    private static PathResult Run(WorldSpec spec, ulong seed) =>
        DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, seed, RunOptions.Default);

    private static TraceEvent First(PathResult result, string kind, Func<TraceEvent, bool>? where = null) =>
        result.Events.First(e => e.Kind == kind && (where is null || where(e)));

    [Fact]
    public void PrimaryCrash_LeaderSeesRoleMaster_OtherSentinelsSwitchWithinOneTickNotOnTheNext2sHello()
    {
        // sentinelRefreshInstanceInfo calls sentinelForceHelloUpdateForMaster at +promoted-slave (sentinel.c
        // l.2703, l.3080-3087): every peer's last_pub_time moves back by 2 s + 1 ms, so the next timer tick
        // publishes the new configuration to all of them. Without it the others wait 0-2 s for their hello.
        var gaps = new List<double>();
        for (ulong seed = 1; seed <= 12; seed++)
        {
            var result = Run(Specs.ThreeNodes([Specs.CrashPrimary(20)], downAfterMs: 5_000), seed);
            var promoted = First(result, "+promoted-slave");
            var firstOther = First(result, "+switch-master", e => e.Source != promoted.Source);
            double gap = firstOther.Seconds - promoted.Seconds;
            Assert.InRange(gap, 0.0, MaxTickSeconds + OneHopSeconds);
            gaps.Add(gap);
        }

        // Uniform over a 2 s hello period would average ~1 s; a tick averages well under 0.1 s.
        Assert.True(gaps.Average() < 0.08, $"mean gap {gaps.Average():F3} s");
    }

    [Fact]
    public void PrimaryCrash_DownAfter5s_FirstSwitchMasterWithinAbout1_5sOfSdown()
    {
        // From the first +sdown: ODOWN at the next ask (the peers reach SDOWN at nearly the same time), the start
        // jitter rand() % 1000 ms (sentinelStartFailover), SLAVEOF NO ONE, the promotion seen at the next 1 s
        // replica INFO (the master is ODOWN), then one tick for the forced hello (docs/sources.md §2.3, §2.8, §2.9).
        var spans = new List<double>();
        for (ulong seed = 1; seed <= 12; seed++)
        {
            var result = Run(Specs.ThreeNodes([Specs.CrashPrimary(20)], downAfterMs: 5_000), seed);
            var sdown = First(result, "+sdown", e => e.Text.StartsWith("+sdown master", StringComparison.Ordinal));
            double span = First(result, "+switch-master").Seconds - sdown.Seconds;
            Assert.InRange(span, 0.0, 1.0 + 1.0 + MaxTickSeconds + 0.2);
            spans.Add(span);
        }

        Assert.InRange(spans.Average(), 0.5, 1.5);
    }

    [Theory]
    [InlineData(FaultKind.Pause)]
    [InlineData(FaultKind.Partition)]
    public void OldPrimaryBack_ReportsRoleMaster_ConvertedAtTheSecond10sInfo(FaultKind kind)
    {
        // The returning old primary is a replica in Sentinel's table but prints role:master, so INFO has no
        // master_link_down_since_seconds and master_link_down_time is 0 (reset at every INFO, sentinel.c l.2524,
        // l.2591-2596; server.c l.5872-5877). Its INFO period is therefore 10 s, not 1 s (sentinelSendPeriodicCommands
        // l.3140-3147). The first reply comes at the heal (INFO is re-sent every tick while the last reply is older
        // than the period, l.3157) and sets role_reported_time; +convert-to-slave needs 4 × 2 s since then
        // (l.2704-2721), so it lands at the next INFO: ~10 s after the heal, where a 1 s period gives ~8-9 s.
        for (ulong seed = 1; seed <= 6; seed++)
        {
            var fault = kind == FaultKind.Pause
                ? Specs.Fault(FaultKind.Pause, 20, 40, FaultTarget.Primary)
                : Specs.SplitAzA(20, 40);
            var result = Run(Specs.ThreeNodes([fault], downAfterMs: 5_000), seed);
            var convert = First(result, "+convert-to-slave", e => e.Text.Contains("n1", StringComparison.Ordinal));
            Assert.InRange(convert.Seconds - 60.0, 10.0, 10.0 + MaxTickSeconds + OneHopSeconds);
        }
    }

    [Fact]
    public void PrimaryProcessKilled_ResetCountsFromTheReconnect_PowerOffFromTheNextUnansweredPing()
    {
        // kill -9: the kernel closes the Sentinels' links; sentinelReconnectInstance reopens one at the next tick
        // and queues a PING at once, which sets act_ping_time (sentinel.c l.2400-2455, l.3096-3106); the refused
        // reconnects keep it (instanceLinkConnectionError does not clear it). So SDOWN comes down-after after the
        // crash plus a tick. When the host powers off, packets vanish: the link stays open and act_ping_time is
        // the next regular PING, 1 s after the last PONG (docs/sources.md §2.10).
        var killed = new List<double>();
        var poweredOff = new List<double>();
        for (ulong seed = 1; seed <= 12; seed++)
        {
            killed.Add(FirstMasterSdownAfterFault(FaultKind.Crash, seed));
            poweredOff.Add(FirstMasterSdownAfterFault(FaultKind.PowerOff, seed));
        }

        Assert.All(killed, s => Assert.InRange(s, 5.0, 5.0 + MaxTickSeconds + OneHopSeconds));
        Assert.All(poweredOff, s => Assert.InRange(s, 5.0, 5.0 + 1.0 + MaxTickSeconds + OneHopSeconds));
        Assert.True(poweredOff.Average() - killed.Average() > 0.25, $"killed {killed.Average():F3}, off {poweredOff.Average():F3}");
    }

    private static double FirstMasterSdownAfterFault(FaultKind kind, ulong seed)
    {
        var fault = new FaultSpec(kind, Specs.At(20), null, FaultTarget.Primary);
        var result = Run(Specs.ThreeNodes([fault], downAfterMs: 5_000, durationS: 40), seed);
        return First(result, "+sdown", e => e.Text.StartsWith("+sdown master", StringComparison.Ordinal)).Seconds - 20.0;
    }
}
