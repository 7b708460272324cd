using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Tests.Model;

public class PackedColumnTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 63)]
    [InlineData(2, 64)]
    [InlineData(3, 65)]
    [InlineData(4, 200_003)]
    public void Add_ValuesOfEverySpread_ReadBackExactly(int seed, int count)
    {
        // Spreads from constant (0 bits) to the whole long range (64 bits), changing every few hundred values so
        // blocks of different widths follow each other and values straddle the 64-bit words.
        var random = new Random(seed);
        var values = new long[count];
        long[] spreads = [0, 1, 7, 1_000, 123_456_789, long.MaxValue];
        for (int i = 0; i < count; i++)
        {
            long spread = spreads[i / 300 % spreads.Length];
            values[i] = spread == long.MaxValue ? random.NextInt64(long.MinValue, long.MaxValue) : 5_000_000_000 + random.NextInt64(0, spread + 1);
        }

        var column = new PackedColumn();
        foreach (var v in values)
        {
            column.Add(v);
        }

        column.Complete();

        Assert.Equal(count, column.Count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(values[i], column[i]);
        }
    }

    [Fact]
    public void Build_NanosecondTimes_SecondsAndMillisecondsAsTheLedgerComputesThem()
    {
        // The ledger's SimTime.TotalSeconds and SimDuration.TotalMilliseconds: nanoseconds divided as doubles.
        long start = 86_399_999_999_937, latency = 1_234_567;
        var samples = new WriteSamples.Builder().Add(start, latency, WriteOutcome.Ok, lost: true, client: 3, ackedBy: -1).Build();

        Assert.Equal(start / 1e9, samples.IntendedStartSeconds[0]);
        Assert.Equal(latency / 1e6, samples.LatencyMilliseconds[0]);
        Assert.Equal((WriteOutcome.Ok, true, 3, -1), (samples.Outcomes[0], samples.Lost[0], samples.Client[0], samples.AckedBy[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => samples.Outcomes[1]);
    }
}
