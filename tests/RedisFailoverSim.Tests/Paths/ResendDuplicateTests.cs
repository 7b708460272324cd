using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// At-least-once re-send after a reconnect (assumption A46): Lettuce's auto-reconnect replays the commands that were
/// in flight (docs/sources.md §11.3), so a write the old primary applies from its socket buffer is applied twice.
/// </summary>
public class ResendDuplicateTests
{
    private const long PauseAtS = 20;

    // Paused 40 s (SIGSTOP: no reset), longer than down-after (30 s): Sentinel promotes another node meanwhile.
    private static readonly WorldSpec Pause = Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, PauseAtS, 40, FaultTarget.Primary)]);

    private static PathResult Run(InFlightOnDrop inFlight)
    {
        Assert.True(ClientLibraries.TryFind("lettuce", out var lettuce));

        // Lettuce's 60 s timeout outlasts the pause; a 3 s dead-socket check makes the client give up on the paused
        // primary's connection (and reconnect through the Sentinels) while its writes still wait there.
        var client = lettuce.Settings with
        {
            DeadSocket = DeadSocketCheck.SilentFor,
            DeadSocketAfter = SimDuration.FromSeconds(3),
            InFlightOnDrop = inFlight,
        };
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, Pause with { Client = client }, 5, new RunOptions(KeepSamples: true) { Audit = true });
    }

    [Fact]
    public void Lettuce_ResendAfterPausedPrimary_DuplicatesEqualWritesThePausedPrimaryAppliedAfterTheClientGaveUp()
    {
        var result = Run(InFlightOnDrop.Resend);

        // Every write a client sent to n1 between the pause and its drop waited in n1's socket buffer: n1 applies it
        // when it resumes, after the client gave up on the connection and re-sent it to the promoted replica.
        long sentIntoThePause = 0;
        for (int c = 0; c < 3; c++)
        {
            string name = "c" + (c + 1);
            double droppedAt = result.Events.First(e => e.Source == name && e.Text.StartsWith(name + " dropped its connection to n1", StringComparison.Ordinal)).Seconds;
            var samples = result.Samples!;
            for (int i = 0; i < samples.Count; i++)
            {
                double start = samples.IntendedStartSeconds[i];
                if (samples.Client[i] == c && start >= PauseAtS && start < droppedAt)
                {
                    sentIntoThePause++;
                }
            }
        }

        long resent = result.Events.Where(e => e.Text.Contains(" re-sent ", StringComparison.Ordinal))
            .Sum(e => long.Parse(e.Text.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(sentIntoThePause > 100, $"{sentIntoThePause}");
        Assert.Equal(sentIntoThePause, resent);
        Assert.Equal(sentIntoThePause, result.Writes.Duplicated);

        // The copies reached the promoted replica first and were acknowledged there: acknowledged once, applied twice.
        Assert.Equal(sentIntoThePause, result.Writes.DuplicatedAcknowledged);
        Assert.NotNull(result.Failover?.ClientObservedSeconds);
    }

    [Fact]
    public void Lettuce_ResendOff_SamePause_NoDuplicatesAndTheWritesEndUnknown()
    {
        var resend = Run(InFlightOnDrop.Resend);
        var off = Run(InFlightOnDrop.Unknown);
        Assert.Equal(0, off.Writes.Duplicated);
        Assert.Equal(0, off.Writes.DuplicatedAcknowledged);

        // Without the re-send the writes cut off in flight are unknown instead of acknowledged.
        Assert.Equal(resend.Writes.Duplicated, off.Writes.Unknown - resend.Writes.Unknown);
    }
}
