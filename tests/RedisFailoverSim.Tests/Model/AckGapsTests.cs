using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Tests.Model;

/// <summary>
/// The unavailability figures: stretches longer than 1 s without an acknowledged write, for all clients together and
/// for the worst client, from the first intended write to the last.
/// </summary>
public class AckGapsTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void Finish_OneClientStalledThreeSeconds_CountsOnlyTheStretchPastOneSecond()
    {
        var gaps = new AckGaps();
        // c0 writes every 100 ms from 0 to 10 s; acknowledgements stop from 2.0 s to 5.0 s (3 s), the rest take 1 ms.
        for (long t = 0; t <= 10_000; t += 100)
        {
            gaps.Issued(0, t * Ms);
            if (t < 2_000 || t >= 5_000)
            {
                gaps.Acknowledged(0, (t + 1) * Ms);
            }
        }

        var result = gaps.Finish(i => $"c{i}");

        // Acknowledged at 1.901 s, then at 5.001 s: one 3.1 s stretch; every other gap is 100 ms, under the threshold.
        Assert.Equal(3.1, result.NoAckSeconds, 9);
        Assert.Equal(3.1, result.LongestNoAckSeconds, 9);
        Assert.Equal(3.1, result.WorstClientNoAckSeconds, 9);
        Assert.Equal("c0", result.WorstClient);
    }

    [Fact]
    public void Finish_OneOfTwoClientsCutOffToTheEnd_WorstClientCountsToItsLastWriteWhileOverallIsZero()
    {
        var gaps = new AckGaps();
        for (long t = 0; t <= 10_000; t += 100)
        {
            gaps.Issued(0, t * Ms);
            gaps.Acknowledged(0, (t + 1) * Ms);
            gaps.Issued(1, t * Ms);
            if (t < 4_000)
            {
                gaps.Acknowledged(1, (t + 1) * Ms);
            }
        }

        var result = gaps.Finish(i => $"c{i}");

        // c1's last acknowledgement is at 3.901 s and its last intended write at 10 s: 6.099 s without one.
        Assert.Equal(0, result.NoAckSeconds);
        Assert.Equal(0.1, result.LongestNoAckSeconds, 9);
        Assert.Equal(6.099, result.WorstClientNoAckSeconds, 9);
        Assert.Equal("c1", result.WorstClient);
    }

    [Fact]
    public void Finish_EveryGapUnderOneSecond_NoWorstClient()
    {
        var gaps = new AckGaps();
        gaps.Issued(0, 0);
        gaps.Acknowledged(0, 999 * Ms);

        var result = gaps.Finish(i => $"c{i}");

        Assert.Equal(WriteAvailability.None with { LongestNoAckSeconds = 0.999 }, result);
    }
}
