using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Trace;

namespace RedisFailoverSim.Tests.Reporting.Trace;

public class TraceTextTests
{
    [Fact]
    public void Lines_HandBuiltSplitBrain_NarrateTheStoryInSentinelsWords()
    {
        var lines = TraceText.Lines([SplitBrainStory.Result()], filter: null).ToList();

        Assert.Equal(SplitBrainStory.Trace, lines);
    }

    [Fact]
    public void Lines_UnderGermanCulture_AreIdenticalToInvariant()
    {
        var german = CultureScope.Run("de-DE", () => TraceText.Lines([SplitBrainStory.Result()], filter: null).ToList());

        Assert.Equal(SplitBrainStory.Trace, german);
    }

    [Fact]
    public void Lines_FilterSentinelName_KeepsOnlyLinesNamingItExactly()
    {
        var lines = TraceText.Lines([SplitBrainStory.Result()], "S1").ToList();

        Assert.Equal(
        [
            "== self-hosted ==",
            "t=19.500s  s2, s3 +sdown sentinel s1",
            "t=25.500s  s1 +new-epoch 1",
            "t=25.500s  s1 +switch-master mymaster n1 → n3",
        ],
        lines);
    }

    [Fact]
    public void Lines_FilterCategory_KeepsTheFaultsOnly()
    {
        var lines = TraceText.Lines([SplitBrainStory.Result()], "fault").ToList();

        Assert.Equal(["== self-hosted ==", "t=10.000s  partition: {n1} | {n2,n3}", "t=25.000s  heal: partition healed: {n1} | {n2,n3}"], lines);
    }

    [Fact]
    public void Lines_FilterPathName_KeepsThePathsWholeBlock()
    {
        var lines = TraceText.Lines([SplitBrainStory.Result(), ReportFixtures.Clean()], "self-host").ToList();

        Assert.Equal(SplitBrainStory.Trace, lines);
    }

    [Fact]
    public void Lines_FilterMatchingNothing_PrintsNoHeaderEither()
    {
        var lines = TraceText.Lines([SplitBrainStory.Result()], "n9").ToList();

        Assert.Empty(lines);
    }

    [Fact]
    public void Lines_ChatterFromOneSentinel_MergesTheNamesIntoOneLine()
    {
        var result = ReportFixtures.Clean("self-hosted") with
        {
            Events =
            [
                new TraceEvent(45.511, "s2", "+sdown", "+sdown slave n3 @ mymaster n1"),
                new TraceEvent(45.511, "s2", "+sdown", "+sdown slave n4 @ mymaster n1"),
                new TraceEvent(46.9, "s2", "+sdown", "+sdown slave n5 @ mymaster n1"),
                new TraceEvent(49.0, "s2", "+sdown", "+sdown slave n6 @ mymaster n1"),
            ],
        };

        var lines = TraceText.Lines([result], "s2").ToList();

        Assert.Equal(
            ["== self-hosted ==", "t=45.511s  s2 +sdown slave n3, n4, n5 @ mymaster n1", "t=49.000s  s2 +sdown slave n6 @ mymaster n1"],
            lines);
    }

    [Fact]
    public void Lines_PrimaryRefusingWrites_SaysTwoPrimariesButNoSplitBrain()
    {
        var result = SplitBrainStory.Result() with { SplitBrainSeconds = 0 };

        var lines = TraceText.Lines([result], "story").ToList();

        Assert.Equal("t=20.000s  n1 and n3 are both primary, but n1 no longer accepts writes (its last acknowledgement: 15.001s): no split brain", lines[1]);
        Assert.StartsWith("t=30.000s  two primaries over after 10.000s:", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_WithoutSamples_TellsTheStoryWithoutCounts()
    {
        var result = SplitBrainStory.Result() with { Samples = null };

        var lines = TraceText.Lines([result], "story").ToList();

        Assert.Equal(
        [
            "== self-hosted ==",
            "t=20.000s  split brain: n1 and n3 are both primary",
            "t=21.000s  n1 still primary",
            "t=25.000s  n1 still primary",
            "t=30.000s  split brain over after 10.000s",
            "t=40.000s  end: 9 writes, 7 acknowledged, 4 of them lost (57.1%), 1 failed, 1 unknown; split brain 10.000s",
        ],
        lines);
    }
}
