using RedisFailoverSim.Model.TransactionLog;

namespace RedisFailoverSim.Tests.Model.TransactionLog;

/// <summary>Terms per log index kept as runs, so memory grows with failovers, not writes.</summary>
public class TermRunsTests
{
    [Fact]
    public void At_RunsOfTerms_EachIndexGetsItsTerm()
    {
        var terms = new TermRuns();
        foreach (long t in new long[] { 1, 1, 1, 2, 2, 4 })
        {
            terms.Add(t);
        }

        Assert.Equal(0, terms.At(0));
        Assert.Equal([1L, 1, 1, 2, 2, 4], Enumerable.Range(1, 6).Select(i => terms.At(i)));
    }

    [Fact]
    public void TruncateTo_DropsTheTailRuns_ThenContinues()
    {
        var terms = new TermRuns();
        foreach (long t in new long[] { 1, 1, 2, 2, 3 })
        {
            terms.Add(t);
        }

        terms.TruncateTo(3);
        terms.Add(5);
        Assert.Equal(4, terms.Count);
        Assert.Equal([1L, 1, 2, 5], Enumerable.Range(1, 4).Select(i => terms.At(i)));
    }

    [Fact]
    public void ResetTo_ASnapshot_KnowsItsLastTermThenWhatFollows()
    {
        var terms = new TermRuns();
        terms.ResetTo(100, 3);
        terms.Add(3);
        terms.Add(4);
        Assert.Equal(3, terms.At(100));
        Assert.Equal(3, terms.At(101));
        Assert.Equal(4, terms.At(102));
        Assert.Throws<RedisFailoverSim.Engine.InvariantViolatedException>(() => terms.At(99));
    }
}
