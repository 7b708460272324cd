using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Trace;

namespace RedisFailoverSim.Tests.Reporting.Trace;

/// <summary>The narrated trace reads as English: plural subjects agree, a reconnect loop is told once.</summary>
public class TraceGrammarTests
{
    [Fact]
    public void Narrate_SeveralClientsDropAtOnce_VerbAndPronounAgree()
    {
        var result = ReportFixtures.Clean("serverless") with
        {
            Events =
            [
                new TraceEvent(44.093, "c1", "client", "c1 dropped its connection to proxy-az-b: nothing received for a whole command timeout"),
                new TraceEvent(44.093, "c2", "client", "c2 dropped its connection to proxy-az-b: nothing received for a whole command timeout"),
                new TraceEvent(50, "n3", "election", "n3 has seen no leader for 10 s: the lease lapsed, it will claim leadership"),
                new TraceEvent(50, "n4", "election", "n4 has seen no leader for 10 s: the lease lapsed, it will claim leadership"),
            ],
        };

        var lines = TraceNarrator.Narrate(result).Select(l => l.Text).ToList();

        Assert.Contains("c1, c2 dropped their connection to proxy-az-b: nothing received for a whole command timeout", lines);
        Assert.Contains("n3, n4 have seen no leader for 10 s: the lease lapsed, they will claim leadership", lines);
    }

    [Theory]
    [InlineData("keeps", "keep")]
    [InlineData("asks", "ask")]
    [InlineData("retries", "retry")]
    [InlineData("pushes", "push")]
    [InlineData("has", "have")]
    [InlineData("dropped", "dropped")]
    [InlineData("re-sent", "re-sent")]
    [InlineData("+sdown", "+sdown")]
    [InlineData("was", "were")]
    [InlineData("loss", "loss")]
    public void PluralVerb_PresentTenseAgrees_OtherWordsStay(string one, string several) =>
        Assert.Equal(several, TraceEntry.PluralVerb(one));

    [Fact]
    public void Narrate_SeveralClientsKeepCommands_VerbAgrees()
    {
        // Seen in a node-redis pause trace: "c1, c3 keeps 280 commands".
        var result = ReportFixtures.Clean("self-hosted") with
        {
            Events =
            [
                new TraceEvent(17.604, "c1", "client", "c1 keeps 280 commands that were in flight to n1, to send them again after the reconnect"),
                new TraceEvent(17.604, "c3", "client", "c3 keeps 280 commands that were in flight to n1, to send them again after the reconnect"),
            ],
        };

        var lines = TraceNarrator.Narrate(result).Select(l => l.Text).ToList();

        Assert.Contains("c1, c3 keep 280 commands that were in flight to n1, to send them again after the reconnect", lines);
    }

    [Fact]
    public void CollapseRepeats_ReconnectLoopOfTwoLines_ToldOnceThenCounted()
    {
        var lines = new List<TraceLine>();
        for (var i = 0; i < 10; i++)
        {
            lines.Add(new TraceLine(35 + (9 * i), TraceCategory.Client, ["c1"], "c1 dropped its connection to proxy-az-a: nothing received for a whole command timeout", false));
            lines.Add(new TraceLine(38 + (9 * i), TraceCategory.Client, ["c1"], "c1 connected to primary proxy-az-a", false));
        }

        lines.Add(new TraceLine(200, TraceCategory.Fault, [], "heal: AZ az-a power restored", true));

        var collapsed = TraceNarrator.CollapseRepeats(lines);

        Assert.Equal(
            [
                "t=35.000s  c1 dropped its connection to proxy-az-a: nothing received for a whole command timeout",
                "t=38.000s  c1 connected to primary proxy-az-a",
                "t=116.000s  … the same 2 lines 9 more times (the last at 116.000s)",
                "t=200.000s  heal: AZ az-a power restored",
            ],
            collapsed.Select(l => l.ToString()));
    }

    [Fact]
    public void CollapseRepeats_TwoRepeatsOnly_KeepsEveryLine()
    {
        var line = new TraceLine(1, TraceCategory.Client, ["c1"], "c1 connected to primary n1", false);
        List<TraceLine> lines = [line, line with { Seconds = 2 }];

        Assert.Equal(lines, TraceNarrator.CollapseRepeats(lines));
    }
}
