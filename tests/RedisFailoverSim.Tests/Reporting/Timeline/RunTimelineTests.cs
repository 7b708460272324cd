using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Timeline;

namespace RedisFailoverSim.Tests.Reporting.Timeline;

public class RunTimelineTests
{
    [Fact]
    public void Overlaps_HandBuiltSplitBrain_OneStretchWithBothPrimaries()
    {
        var timeline = new RunTimeline(SplitBrainStory.Result());

        var overlap = Assert.Single(timeline.Overlaps);
        Assert.Equal(new PrimaryOverlap(20, 30, ["n1", "n3"]) with { Primaries = overlap.Primaries }, overlap);
        Assert.Equal(["n1", "n3"], overlap.Primaries);
        Assert.Equal(10, overlap.Seconds);
    }

    [Fact]
    public void RoleChanges_HandBuiltSplitBrain_OnePromotionOneDemotionNoReturn()
    {
        var timeline = new RunTimeline(SplitBrainStory.Result());

        Assert.Equal([new RoleChange("n3", 20, NodeRole.Replica, NodeRole.Primary)], timeline.Promotions);
        Assert.Equal([new RoleChange("n1", 30, NodeRole.Primary, NodeRole.Replica)], timeline.Demotions);
        Assert.Empty(timeline.Returns);
    }

    [Fact]
    public void Returns_PausedPrimaryResumes_IsAReturnNotAPromotion()
    {
        var result = ReportFixtures.Clean("self-hosted") with
        {
            Roles =
            [
                new RoleInterval("n1", 0, 20, NodeRole.Primary, false),
                new RoleInterval("n1", 20, 65, NodeRole.Paused, false),
                new RoleInterval("n1", 65, 73, NodeRole.Primary, false),
                new RoleInterval("n1", 73, 120, NodeRole.Replica, false),
            ],
        };

        var timeline = new RunTimeline(result);

        Assert.Equal([new RoleChange("n1", 65, NodeRole.Paused, NodeRole.Primary)], timeline.Returns);
        Assert.Empty(timeline.Promotions);
    }

    [Fact]
    public void AcknowledgedBy_OldPrimarySincePartition_CountsItsWritesAndTheLostOnes()
    {
        var timeline = new RunTimeline(SplitBrainStory.Result());

        Assert.Equal((4L, 4L), timeline.AcknowledgedBy("n1", 10, 30));
        Assert.Equal((1L, 0L), timeline.AcknowledgedBy("n3", 10, 30));
        Assert.Equal((0L, 0L), timeline.AcknowledgedBy("n9", 0, 40));
    }

    [Fact]
    public void LastAcknowledgement_BeforeTheHeal_IsTheLatestAckUpToThen()
    {
        var timeline = new RunTimeline(SplitBrainStory.Result());

        Assert.Equal(22.001, timeline.LastAcknowledgement("n1", 25)!.Value, precision: 9);
        Assert.Null(timeline.LastAcknowledgement("n2", 40));
    }
}
