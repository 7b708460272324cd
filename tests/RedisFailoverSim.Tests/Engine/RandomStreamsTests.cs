using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Random;

namespace RedisFailoverSim.Tests.Engine;

public class RandomStreamsTests
{
    private static ulong[] Draw(RandomStream stream, int count) =>
        Enumerable.Range(0, count).Select(_ => stream.NextUInt64()).ToArray();

    [Fact]
    public void Stream_UnrelatedStreamAddedAndDrawnFrom_ExistingStreamDrawsUnchanged()
    {
        var before = Draw(new RandomStreams(42).Stream("network.delay", 1), 100);

        var streams = new RandomStreams(42);
        var added = streams.Stream("fault.injector");
        var sibling = streams.Stream("network.delay", 2);
        Draw(added, 37);
        var existing = streams.Stream("network.delay", 1);
        var interleaved = new ulong[100];
        for (int i = 0; i < interleaved.Length; i++)
        {
            interleaved[i] = existing.NextUInt64();
            sibling.NextUInt64();
            added.NextDouble();
        }

        Assert.Equal(before, interleaved);
    }

    [Fact]
    public void Stream_SameNameAndIndexTwice_IsAnInvariantFailure()
    {
        var streams = new RandomStreams(42);
        streams.Stream("client.arrivals", 3);

        var error = Assert.Throws<InvariantViolatedException>(() => streams.Stream("client.arrivals", 3));

        Assert.Equal("random stream 'client.arrivals'[3] requested twice in one run", error.Expression);
    }

    [Fact]
    public void Stream_SameNameOtherIndexOrOtherSeed_GivesAnotherSequence()
    {
        var first = Draw(new RandomStreams(42).Stream("node", 0), 4);
        var otherIndex = Draw(new RandomStreams(42).Stream("node", 1), 4);
        var otherSeed = Draw(new RandomStreams(43).Stream("node", 0), 4);

        Assert.NotEqual(first, otherIndex);
        Assert.NotEqual(first, otherSeed);
        Assert.Equal("node[1]", new RandomStreams(42).Stream("node", 1).Name);
    }

    [Theory]
    [InlineData(42UL, "network.delay", 0L, 5866196585638502870UL)]
    [InlineData(42UL, "network.delay", 3L, 6057804694944419481UL)]
    [InlineData(7UL, "sentinel.ping", 0L, 8894462300682339050UL)]
    [InlineData(0UL, "x", 0L, 16584693399833219027UL)]
    [InlineData(42UL, "réplica", -1L, 13996067051100385755UL)]
    public void DeriveSeed_PinnedInputs_GivePinnedSeeds(ulong master, string name, long index, ulong expected)
    {
        // Pinned from an independent Python implementation of the documented derivation. A change here moves
        // every stream of every saved run: only change it on purpose, and say so in the release notes.
        Assert.Equal(expected, RandomStreams.DeriveSeed(master, name, index));
    }

    [Fact]
    public void SplitMix64_Seed1234567_MatchesTheReferenceOutput()
    {
        // The reference splitmix64.c sequence for seed 1234567.
        ulong state = 1234567;
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431];

        Assert.Equal(expected, expected.Select(_ => SplitMix64.Next(ref state)).ToArray());
    }

    [Fact]
    public void NextUInt64_Seed42_MatchesIndependentXoshiro256StarStar()
    {
        // xoshiro256** seeded by four SplitMix64 outputs, computed independently in Python.
        var stream = new RandomStream(42);

        Assert.Equal([1546998764402558742UL, 6990951692964543102UL, 12544586762248559009UL], Draw(stream, 3));
    }

    [Fact]
    public void NextDouble_Seed42_IsTheTop53BitsScaled()
    {
        var stream = new RandomStream(42);

        Assert.Equal((1546998764402558742UL >> 11) * Math.Pow(2, -53), stream.NextDouble());
    }

    [Fact]
    public void NextDouble_ManyDraws_StayInHalfOpenUnitIntervalAndReachBothEnds()
    {
        var stream = new RandomStream(5);
        double min = 1, max = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = stream.NextDouble();
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        Assert.InRange(min, 0.0, 1e-4);
        Assert.InRange(max, 1 - 1e-4, Math.BitDecrement(1.0));
        Assert.InRange(stream.NextDouble(-3, -1), -3.0, -1.0);
        Assert.InRange(stream.NextSingle(), 0f, MathF.BitDecrement(1f));
    }

    [Fact]
    public void NextInt_Bound10_EveryValueEquallyLikely()
    {
        // 100 000 draws, p = 0.1: each count has standard error sqrt(n p (1 - p)) = 94.9; allow 5 of them.
        var stream = new RandomStream(6);
        var counts = new int[10];
        for (int i = 0; i < 100_000; i++)
        {
            counts[stream.Next(10)]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 10_000 - 474, 10_000 + 474));
    }

    [Fact]
    public void NextInt_Bounds_RespectedIncludingDegenerateAndNegativeRanges()
    {
        var stream = new RandomStream(7);
        var negative = Enumerable.Range(0, 10_000).Select(_ => stream.Next(-10, -5)).ToArray();

        Assert.Equal(-10, negative.Min());
        Assert.Equal(-6, negative.Max());
        Assert.Equal(0, stream.Next(0));
        Assert.Equal(0, stream.Next(1));
        Assert.Equal(5, stream.Next(5, 5));
        Assert.InRange(stream.Next(), 0, int.MaxValue - 1);
        Assert.InRange(stream.Next(int.MinValue, int.MaxValue), int.MinValue, int.MaxValue - 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Next(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Next(5, 4));
    }

    [Fact]
    public void NextInt64_Bounds_RespectedOverSmallHugeAndFullRanges()
    {
        var stream = new RandomStream(8);
        var small = Enumerable.Range(0, 1_000).Select(_ => stream.NextInt64(100, 103)).Distinct().Order();
        var huge = Enumerable.Range(0, 1_000).Select(_ => stream.NextInt64(1L << 40)).ToArray();
        var full = Enumerable.Range(0, 1_000).Select(_ => stream.NextInt64(long.MinValue, long.MaxValue)).ToArray();

        Assert.Equal([100L, 101L, 102L], small);
        Assert.All(huge, x => Assert.InRange(x, 0, (1L << 40) - 1));
        Assert.Contains(huge, x => x >= 1L << 39);
        Assert.Contains(full, x => x < 0);
        Assert.Contains(full, x => x > 0);
        Assert.Equal(7L, stream.NextInt64(7, 7));
        Assert.InRange(stream.NextInt64(), 0, long.MaxValue - 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.NextInt64(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.NextInt64(3, 2));
    }
}
