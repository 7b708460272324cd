using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// StackExchange.Redis's AnyServer routing with two primaries (assumption A171, docs/sources.md §11.19): each write goes
/// to the first selectable primary from a start offset that moves by one per command, so an old primary whose connection
/// stays open shares the writes with the promoted replica by their places in the server list.
/// </summary>
public class StackExchangeServerSelectionTests
{
    private static PathResult Run(WorldSpec spec, ulong seed)
    {
        Assert.True(ClientLibraries.TryFind("stackexchange-redis", out var profile));
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec with { Client = profile.Settings }, seed, RunOptions.Default);
    }

    /// <summary>calibration/scenarios/client-primary-pause.yaml: n1 paused at 10 s for 15 s, down-after 5 s.</summary>
    private static WorldSpec ShortPause() =>
        Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 10, 15, FaultTarget.Primary)], downAfterMs: 5_000, durationS: 45);

    /// <summary>The share of <paramref name="client"/>'s writes intended in [from, to) that node index 0 (n1) acknowledged.</summary>
    private static double OldPrimaryShare(PathResult r, int client, double from, double to)
    {
        var s = r.Samples!;
        int all = 0, byN1 = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Client[i] != client || s.IntendedStartSeconds[i] < from || s.IntendedStartSeconds[i] >= to)
            {
                continue;
            }

            all++;
            if (s.Outcomes[i] == WriteOutcome.Ok && s.AckedBy[i] == 0)
            {
                byN1++;
                Assert.True(s.Lost[i], $"a write n1 acknowledged at {s.IntendedStartSeconds[i]:0.###} s survived its demotion");
            }
        }

        Assert.True(all > 0);
        return (double)byN1 / all;
    }

    [Fact]
    public void PausedPrimaryWithItsConnectionsOpen_KeepsAThirdOrTwoThirdsOfEveryClientsWritesUntilItsDemotion()
    {
        // Measured against the real 3.4.35: from the promotion until n1's demotion each client sent a fixed share of
        // every second's writes to the frozen n1 and the rest to the promoted replica; n1's share after it woke (25 s)
        // is the loss. With three servers listed, the primary right after the other replica gets two offsets of three.
        var shares = new HashSet<int>();
        for (ulong seed = 1; seed <= 6; seed++)
        {
            var r = Run(ShortPause(), seed);
            Assert.NotNull(r.Failover);
            for (int client = 0; client < 3; client++)
            {
                double share = OldPrimaryShare(r, client, 26, 33);
                int thirds = (int)Math.Round(share * 3);
                Assert.True(thirds is 1 or 2 && Math.Abs(share - (thirds / 3.0)) < 0.05, $"seed {seed} c{client + 1}: n1 took {share:P1}");
                shares.Add(thirds);
            }
        }

        // The Sentinel's replica listing order is random per Sentinel process, so both places occur.
        Assert.Equal([1, 2], shares.Order());
    }

    [Fact]
    public void PromotedReplica_TakesWritesAtItsReconnectNotAfterAReconfiguration()
    {
        // The promotion's CLIENT KILL resets the replica's connection; its handshake reports role:master and it is
        // selectable at once (real: first ack by the new primary 5.4-6.1 s after the pause, +switch-master 6.3-6.5 s),
        // not after the 5 s connect-timeout a reconfiguration waits for the frozen n1.
        for (ulong seed = 1; seed <= 4; seed++)
        {
            var f = Run(ShortPause(), seed).Failover!;
            Assert.NotNull(f.ClientObservedSeconds);
            Assert.InRange(f.ClientObservedSeconds!.Value, f.ControlPlaneSeconds - 1.5, f.ControlPlaneSeconds + 0.5);
        }
    }

    [Fact]
    public void OldPrimaryWhoseConnectionWasDroppedAsDead_IsElectedAloneWhenItsConnectionComesBack()
    {
        // The bundled primary-pause shape (pause at 20 s for 45 s, down-after 30 s): each client drops n1's connection
        // as dead at ~41 s (A39), before the promotion; when n1 wakes at 65 s the restored connection's
        // reconfiguration hears two primaries and keeps n1, the first listed, the promoted one set aside as redundant:
        // every write goes to n1 until Sentinel demotes it (real run: 300 writes a second to n1, 3,003 lost).
        var r = Run(Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 20, 45, FaultTarget.Primary)], downAfterMs: 30_000, durationS: 90), seed: 1);
        Assert.NotNull(r.Failover);
        for (int client = 0; client < 3; client++)
        {
            Assert.InRange(OldPrimaryShare(r, client, 67, 73), 0.95, 1.0);
        }
    }
}
