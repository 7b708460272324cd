using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Report;

namespace RedisFailoverSim.Tests.Reporting.Report;

/// <summary>
/// The report's verdict per path and its one comparison table: numbers from hand-built results, reasons for a missing
/// failover read from the run's own events (Sentinel's +sdown/+odown, the control plane's health checks).
/// </summary>
public class VerdictTests
{
    private static readonly PathResult Story = SplitBrainStory.Result() with
    {
        Availability = new WriteAvailability(NoAckSeconds: 0, LongestNoAckSeconds: 0.6, WorstClientNoAckSeconds: 11.5, WorstClient: "c2"),
    };

    [Fact]
    public void Paragraph_SplitBrainStory_SaysLossSplitBrainUnacknowledgedAndFailover()
    {
        var text = RunVerdict.Paragraph(Story, SplitBrainStory.World());

        Assert.Equal(
            "self-hosted lost 4 acknowledged writes (57.1% of 7) to 10.0 s of split brain (n1 and n3 both primary); "
            + "2 of 9 writes (22.2%) were not acknowledged (1 failed, 1 unknown); the worst-off client, c2, went 11.5 s "
            + "without one. It failed over to n3 10.0 s after the fault; clients wrote to it again 11.5 s after the fault.",
            text);
    }

    [Fact]
    public void Paragraph_TwoPrimariesOnlyAfterTheWorkloadEnded_DoesNotBlameTheLossOnSplitBrain()
    {
        // high-rate-az-power-loss: the loss is the replication backlog at the power cut; the two primaries came after
        // the workload (n1 restarted as a primary until Sentinel converted it), when no client wrote.
        var world = SplitBrainStory.World();
        world = world with { Workload = world.Workload with { Duration = SimDuration.FromSeconds(15) } };

        var text = RunVerdict.Paragraph(Story, world);

        Assert.StartsWith(
            "self-hosted lost 4 acknowledged writes (57.1% of 7), none of them to split brain: n1 and n3 were both primary "
            + "for 10.0 s only after the workload ended; ",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraph_ManagedPathWhoseControlPlaneStillReachesThePrimary_SaysWhyItDidNotFailOver()
    {
        var result = NoFailover("elasticache") with
        {
            Writes = new WriteCounts(18000, 12416, 0, 5260, 324, 0),
            Availability = new WriteAvailability(0, 0.035, 101.388, "c3"),
        };

        var text = RunVerdict.Paragraph(result, SplitBrainStory.World());

        Assert.Equal(
            "elasticache lost none of its 12,416 acknowledged writes; 5,584 of 18,000 writes (31.0%) were not acknowledged "
            + "(5,260 failed, 324 unknown); the worst-off client, c3, went 101.4 s without one. It did not fail over "
            + "because the control plane, outside every AZ (assumption A33), kept getting n1's health-check replies, so it "
            + "never declared n1 failed.",
            text);
    }

    [Fact]
    public void NoFailoverReason_ControlPlaneDeclaredFailedWithoutCandidate_SaysNoHealthyReplica()
    {
        var result = NoFailover("elasticache") with
        {
            Events =
            [
                new TraceEvent(25, "control-plane", "control-plane", "ElastiCache: n1 failed every health check for 15 s: declared failed"),
                new TraceEvent(25, "control-plane", "control-plane", "ElastiCache: primary n1 failed and no healthy replica can take over"),
            ],
        };

        Assert.Equal("n1 failed and no healthy replica could take over", RunVerdict.NoFailoverReason(result, null));
    }

    [Fact]
    public void NoFailoverReason_OneSentinelSawSdownBelowQuorum_NamesItAndTheQuorum()
    {
        var result = NoFailover("self-hosted") with
        {
            Events = [new TraceEvent(40, "s2", "+sdown", "+sdown master mymaster n1"), new TraceEvent(40, "s2", "+sdown", "+sdown sentinel s1")],
        };

        // SplitBrainStory's world keeps Sentinel's documented defaults with quorum 2 (docs/sources.md §2.1).
        Assert.Equal("only s2 marked n1 down (+sdown), short of the quorum of 2", RunVerdict.NoFailoverReason(result, SplitBrainStory.World()));
    }

    [Fact]
    public void NoFailoverReason_NoSentinelSawSdown_NamesDownAfter()
    {
        Assert.Equal(
            "no Sentinel went down-after-milliseconds (30.0 s) without a reply from n1",
            RunVerdict.NoFailoverReason(NoFailover("self-hosted"), SplitBrainStory.World()));
    }

    [Fact]
    public void NoFailoverReason_FaultMissedThePrimary_SaysSo()
    {
        var result = NoFailover("memorydb") with
        {
            Facts = [new BiteFact("faults[0].hitPrimary", false, "slow-az at 20 s: the primary then was n1; the fault did not reach it")],
        };

        Assert.Equal("no fault reached the primary, n1", RunVerdict.NoFailoverReason(result, null));
        Assert.Null(RunVerdict.NoFailoverReason(Story, null));
    }

    [Fact]
    public void ComparisonRow_LargeNumbers_ThousandsSeparatedAndOneMillisecondStyle()
    {
        var result = NoFailover("elasticache") with
        {
            Writes = new WriteCounts(18000, 12416, 0, 5260, 324, 0),
            Latency = new LatencySummary(12416, 0.5441, 2928.1, 4794.4, 5000),
            Availability = new WriteAvailability(16.671, 16.671, 94.366, "c2"),
        };

        Assert.Equal(
            ["elasticache", "12,416", "0 (0.0%)", "5,260", "324", "16.7", "94.4 (c2)", "never", "never", "0.0", "0.54", "2,928.10", "4,794.40"],
            ReportComparison.Row(result));
        Assert.Equal("no ack s", ReportComparison.Headers[5]);
    }

    [Fact]
    public void Markdown_TwoPaths_VerdictThenOneTableThenDetailsAndAssumptionsOnce()
    {
        var report = ReportFixtures.Report(Story, NoFailover("elasticache")) with { World = SplitBrainStory.World() };

        var markdown = MarkdownReport.Render(report);

        var verdict = markdown.IndexOf("\n## Verdict\n", StringComparison.Ordinal);
        var comparison = markdown.IndexOf("\n## Comparison\n", StringComparison.Ordinal);
        var scenario = markdown.IndexOf("\n## The scenario in words\n", StringComparison.Ordinal);
        Assert.True(verdict > 0 && verdict < comparison && comparison < scenario, $"{verdict} {comparison} {scenario}");
        Assert.Contains("\nself-hosted lost 4 acknowledged writes (57.1% of 7)", markdown, StringComparison.Ordinal);
        Assert.Contains("\nelasticache lost none of its 1,000 acknowledged writes. It did not fail over because", markdown, StringComparison.Ordinal);
        Assert.Single(markdown.Split('\n'), l => l.StartsWith("| path | acked | lost |", StringComparison.Ordinal));
        // A30 applies to elasticache (and the other managed paths), A5 to self-hosted: each is one row, paths named.
        Assert.Single(markdown.Split('\n'), l => l.StartsWith("| A5 | self-hosted |", StringComparison.Ordinal));
        Assert.Single(markdown.Split('\n'), l => l.StartsWith("| A30 | elasticache |", StringComparison.Ordinal));
        Assert.Contains("\n| self-hosted: acknowledgedLost acknowledgedLost: \"> 0\" | 31 | held |", markdown, StringComparison.Ordinal);
        Assert.Contains("no: no replica was promoted after the fault, because the control plane", markdown, StringComparison.Ordinal);
    }

    /// <summary>A path that had a partition hit its primary n1 and never failed over, with no events of its own.</summary>
    private static PathResult NoFailover(string path) => ReportFixtures.Clean(path) with
    {
        Faults = [new FaultWindow("partition: {n1} | {n2,n3}", "partition", 10, 25)],
        Facts =
        [
            new BiteFact("faults[0].hitPrimary", true, "partition at 10 s: the primary then was n1; the fault reached it"),
            new BiteFact("failoverHappened", false, "no replica was promoted after the fault"),
        ],
        Roles = [new RoleInterval("n1", 0, 60, NodeRole.Primary, false), new RoleInterval("n2", 0, 60, NodeRole.Replica, false)],
    };
}
