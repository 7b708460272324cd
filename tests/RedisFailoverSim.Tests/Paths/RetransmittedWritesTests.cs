using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// Writes sent into a short cut reach the old primary when it heals, as TCP retransmits them (docs/sources.md §11.17,
/// A35), and min-replicas refuses them there: the calibration's min-replicas partition (c2 and c3 cut off from n1).
/// </summary>
public class RetransmittedWritesTests
{
    // az-a (n1 the primary, s1, c1) isolated 10-35 s; min-replicas-to-write 1, max-lag 3 s; down-after 5 s.
    private static PathResult Run(bool retransmitAtHeal)
    {
        Assert.True(ClientLibraries.TryFind("ioredis", out var profile));
        var spec = Specs.ThreeNodes(
            [Specs.Fault(FaultKind.Isolate, 10, 25, FaultTarget.Az("az-a"))],
            downAfterMs: 5_000,
            durationS: 50,
            redis: RedisSettings.Default with { MinReplicasToWrite = 1, MinReplicasMaxLag = SimDuration.FromSeconds(3) });
        spec = spec with
        {
            Client = profile.Settings,
            Network = spec.Network with { RetransmitAtHeal = retransmitAtHeal },
        };
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 3, RunOptions.Default);
    }

    /// <summary>c2's writes issued well inside the cut: (outcome, when it was resolved in seconds).</summary>
    private static List<(WriteOutcome Outcome, double ResolvedS)> C2WritesIntoTheCut(PathResult result)
    {
        var s = result.Samples!;
        var writes = new List<(WriteOutcome, double)>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Client[i] == 1 && s.IntendedStartSeconds[i] is > 10.5 and < 34.5)
            {
                writes.Add((s.Outcomes[i], s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000)));
            }
        }

        return writes;
    }

    [Fact]
    public void Isolation_WritesSentIntoTheCut_ReachN1AtTheFirstRetransmissionAfterTheHealAndAreRefused()
    {
        // The oldest write held on c2 → n1 left just before 10 s: expiries at 10 + 0.2 x (2^k - 1), 35.4 s the first
        // after the heal. n1 has had no replica for 25 s and answers -NOREPLICAS: every one of them fails.
        var writes = C2WritesIntoTheCut(Run(retransmitAtHeal: false));
        Assert.InRange(writes.Count, 1199, 1201);
        Assert.All(writes, w => Assert.Equal(WriteOutcome.Failed, w.Outcome));
        Assert.InRange(writes.Min(w => w.ResolvedS), 35.39, 35.41);
        Assert.InRange(writes.Max(w => w.ResolvedS), 35.39, 35.45);
    }

    [Fact]
    public void Isolation_OnTheCalibrationTestBed_TheHeldWritesAreRefusedAtTheHeal()
    {
        // The test bed's proxies forward what the cut held at once (Calibration/README.md).
        var writes = C2WritesIntoTheCut(Run(retransmitAtHeal: true));
        Assert.InRange(writes.Count, 1199, 1201);
        Assert.All(writes, w => Assert.Equal(WriteOutcome.Failed, w.Outcome));
        Assert.InRange(writes.Min(w => w.ResolvedS), 35.0, 35.05);
    }
}
