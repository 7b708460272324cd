using System.Globalization;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Timeline;
using RedisFailoverSim.Reporting.Trace;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Reporting.Trace;

/// <summary>The narration of a real model run: the Jepsen 2013 partition on the self-hosted path.</summary>
public class NarratedSplitBrainTests
{
    private static readonly Lazy<PathResult> Jepsen = new(() =>
        DeploymentPaths.Run(DeploymentPaths.SelfHosted, Specs.Jepsen([Specs.SplitAzA(15, 90)]), 1, RunOptions.Default));

    [Fact]
    public void Narrate_JepsenSplitBrain_CountsTheDiscardedWritesAsTheResultsLostOnes()
    {
        var lines = TraceText.Lines([Jepsen.Value], "story").ToList();

        var discard = Assert.Single(lines, l => l.Contains("  lost: n1's resync discarded ", StringComparison.Ordinal));
        Assert.EndsWith($"lost: n1's resync discarded {Jepsen.Value.Writes.AcknowledgedLost} writes it had acknowledged", discard, StringComparison.Ordinal);
    }

    [Fact]
    public void Narrate_JepsenSplitBrain_NamesBothPrimariesWhenTheSecondIsPromoted()
    {
        var overlap = Assert.Single(new RunTimeline(Jepsen.Value).Overlaps);
        var lines = TraceText.Lines([Jepsen.Value], "story").ToList();

        Assert.Equal("n1", overlap.Primaries[0]);
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"t={overlap.FromSeconds:F3}s  split brain: n1 and {overlap.Primaries[1]} are both primary"),
            lines);
    }

    [Fact]
    public void Narrate_JepsenSplitBrain_SummarisesTheSdownChatter()
    {
        int raw = Jepsen.Value.Events.Count(e => e.Kind is "+sdown" or "-sdown");
        int narrated = TraceNarrator.Narrate(Jepsen.Value).Count(l => l.Text.Contains(" +sdown ", StringComparison.Ordinal) || l.Text.Contains(" -sdown ", StringComparison.Ordinal));

        // Each Sentinel's own +sdown master keeps its line (3, majority side); the slave and sentinel chatter of
        // each side of the partition folds into one line per side and kind.
        Assert.True(raw >= 40, $"raw {raw}");
        Assert.InRange(narrated, 3, 12);
    }
}
