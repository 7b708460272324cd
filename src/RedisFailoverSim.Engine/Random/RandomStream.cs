using System.Numerics;
using System.Runtime.CompilerServices;

namespace RedisFailoverSim.Engine.Random;

/// <summary>
/// One named random sub-stream: xoshiro256** (Blackman and Vigna), seeded through SplitMix64. Derives from
/// <see cref="System.Random"/> with every generator method overridden, so MathNet.Numerics samplers take it
/// (<c>LogNormal.Sample(stream, mu, sigma)</c>) and its output never depends on the .NET version.
/// </summary>
public sealed class RandomStream : System.Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a stream from a 64-bit seed.</summary>
    public RandomStream(ulong seed)
        : base(0)
    {
        ulong state = seed;
        _s0 = SplitMix64.Next(ref state);
        _s1 = SplitMix64.Next(ref state);
        _s2 = SplitMix64.Next(ref state);
        _s3 = SplitMix64.Next(ref state);
    }

    /// <summary>The stream's name, for diagnostics.</summary>
    public string Name { get; init; } = "";

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [low, high).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble(double low, double high) => low + ((high - low) * NextDouble());

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc />
    public override int Next() => (int)NextBounded(int.MaxValue);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextBounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextBounded((ulong)((long)maxValue - minValue)));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)NextBounded(long.MaxValue);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)NextBounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        unchecked
        {
            return minValue + (long)NextBounded((ulong)(maxValue - minValue));
        }
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    /// <summary>Uniform in [0, bound) without modulo bias (Lemire's method with rejection).</summary>
    private ulong NextBounded(ulong bound)
    {
        if (bound <= 1)
        {
            return 0;
        }

        unchecked
        {
            ulong threshold = (0UL - bound) % bound;
            while (true)
            {
                ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
                if (low >= threshold)
                {
                    return high;
                }
            }
        }
    }
}
