using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// Whose <c>+switch-master</c> a client hears (client.switch-master-from): node-redis 6.3.1 subscribes on the one
/// Sentinel its last discovery used (docs/sources.md §11.16, sentinel/index.js l.861-866, l.1238-1265).
/// </summary>
public class SwitchMasterFromTests
{
    // az-a (n1 the primary, s1, c1) isolated at 10 s for 25 s; down-after 5 s, so s2 and s3 promote n2 or n3 during the
    // cut. Every client asked s1 first (as listed) and was answered by it.
    private static readonly WorldSpec IsolatedPrimaryAz = Specs.ThreeNodes(
        [Specs.Fault(FaultKind.Isolate, 10, 25, FaultTarget.Az("az-a"))], downAfterMs: 5_000, durationS: 50);

    private static PathResult Run(SwitchMasterSource from)
    {
        Assert.True(ClientLibraries.TryFind("node-redis", out var profile));
        // The +switch-master rule alone: node-redis's rediscovery on every event is SentinelEventsTests' subject.
        var spec = IsolatedPrimaryAz with { Client = profile.Settings with { SwitchMasterFrom = from, SentinelEvents = SentinelEventAction.SwitchMaster } };
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 3, RunOptions.Default);
    }

    /// <summary>When the client first heard a +switch-master while az-a was cut off (10-35 s), or null.</summary>
    private static double? SwitchHeardDuringTheCut(PathResult result, string client) => result.Events
        .Where(e => e.Seconds is > 10 and < 35 && e.Text.StartsWith(client + " got +switch-master", StringComparison.Ordinal))
        .Select(e => (double?)e.Seconds).FirstOrDefault();

    [Fact]
    public void NodeRedis_SentinelCutOffByThePartition_HearsNoSwitchUntilTheHeal()
    {
        var result = Run(SwitchMasterSource.AnsweringSentinel);
        Assert.Equal(1, result.FailoverCount);
        double promoted = result.Failover!.ControlPlaneSeconds + 10;

        // c2 and c3 listen to s1 alone, which the cut isolates with n1: the majority's +switch-master never reaches them.
        Assert.Null(SwitchHeardDuringTheCut(result, "c2"));
        Assert.Null(SwitchHeardDuringTheCut(result, "c3"));
        Assert.True(promoted < 35, $"promoted at {promoted} s");
    }

    [Fact]
    public void EverySentinel_SameCut_ClientsOnTheMajoritySideFollowTheSwitchDuringTheCut()
    {
        var result = Run(SwitchMasterSource.EverySentinel);
        Assert.Equal(1, result.FailoverCount);

        // Subscribed on s2 and s3 too, c2 and c3 hear the promotion while az-a is still cut off (10-35 s).
        Assert.InRange(SwitchHeardDuringTheCut(result, "c2") ?? -1, 15, 35);
        Assert.InRange(SwitchHeardDuringTheCut(result, "c3") ?? -1, 15, 35);
        Assert.Null(SwitchHeardDuringTheCut(result, "c1"));
    }
}
