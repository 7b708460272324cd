using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// client.sentinel-events: rediscover, node-redis 6.3.1's Sentinel client (docs/sources.md §11.18, sentinel/index.js
/// #connect, observe, analyze; utils.js parseNode): an event on its Sentinel's Pub/Sub starts a loop that asks the
/// first Sentinel listed for the master, refuses it while flagged s_down or failover_in_progress, and asks again one
/// second later; +switch-master does not cut that second short. Writes issued meanwhile are held.
/// </summary>
public class SentinelEventsTests
{
    // n1 paused at 10 s for 15 s; down-after 5 s: the Sentinels promote n2 or n3 while n1 is frozen.
    private static readonly WorldSpec PausedPrimary = Specs.ThreeNodes(
        [Specs.Fault(FaultKind.Pause, 10, 15, FaultTarget.Primary)], downAfterMs: 5_000, durationS: 40);

    private static PathResult Run(SentinelEventAction events, ulong seed)
    {
        Assert.True(ClientLibraries.TryFind("node-redis", out var profile));
        var spec = PausedPrimary with { Client = profile.Settings with { SentinelEvents = events } };
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, seed, new RunOptions(KeepSamples: true));
    }

    private static double First(PathResult result, string source, string prefix) => result.Events
        .First(e => e.Source == source && e.Text.StartsWith(prefix, StringComparison.Ordinal)).Seconds;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Rediscover_MovesAtTheFirstPollAfterTheFirstSentinelSwitched_NotAtTheSwitch(ulong seed)
    {
        var result = Run(SentinelEventAction.Rediscover, seed);

        // Every client answered by s1 listens to s1 and asks s1 first: it starts at s1's +sdown, and each pass that
        // finds n1 s_down (or s1's own failover in progress) waits one second.
        double heard = First(result, "c2", "c2 asks the Sentinels for the master again: it heard +sdown");
        Assert.InRange(heard - First(result, "s1", "+sdown master"), 0, 0.005);
        double switched = First(result, "s1", "+switch-master");
        double moved = First(result, "c2", "c2 found a new master");
        Assert.True(moved > switched, $"moved {moved} s, before s1's +switch-master at {switched} s");
        Assert.True(moved <= switched + 1.01, $"moved {moved} s, more than one poll after s1's +switch-master at {switched} s");

        // The passes fall one second apart from the first (each pass adds a round trip to s1, well under 10 ms).
        double sincePoll = (moved - heard) % 1.0;
        Assert.True(sincePoll < 0.03, $"moved {moved - heard} s after hearing +sdown");

        // Writes issued during the loop were held, not sent to the frozen n1: each one was acknowledged by the new
        // primary (none of c2's writes from the +sdown to the move was acknowledged by n1).
        var s = result.Samples!;
        int n1 = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Client[i] == 1 && s.IntendedStartSeconds[i] > heard + 0.01 && s.IntendedStartSeconds[i] < moved && s.Outcomes[i] == WriteOutcome.Ok)
            {
                Assert.NotEqual(n1, s.AckedBy[i]);
            }
        }
    }

    [Fact]
    public void SwitchMaster_TheOldRule_MovesAtTheSwitchItHears()
    {
        var result = Run(SentinelEventAction.SwitchMaster, 1);

        double switched = First(result, "s1", "+switch-master");
        double got = First(result, "c2", "c2 got +switch-master");
        Assert.InRange(got - switched, 0, 0.01);
        Assert.DoesNotContain(result.Events, e => e.Text.Contains("asks the Sentinels", StringComparison.Ordinal));
    }
}
