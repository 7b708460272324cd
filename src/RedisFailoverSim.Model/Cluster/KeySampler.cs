using System.Globalization;
using System.Text;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// Draws the key of each write from the scenario's key space and tells which slot and shard it belongs to. The
/// slots of all keys are computed once at setup (CRC16 of <c>key:N</c>, docs/sources.md §3.1), so a draw costs one
/// uniform number and, for Zipf, a binary search over the cumulative weights: no allocation per write.
/// </summary>
public sealed class KeySampler
{
    private readonly KeySpaceSpec _spec;
    private readonly int[] _slotOfKey;
    private readonly double[]? _zipfCumulative;

    /// <summary>Computes every key's slot, and the Zipf weights when the distribution needs them.</summary>
    public KeySampler(KeySpaceSpec spec)
    {
        _spec = spec;
        _slotOfKey = new int[spec.Count];
        Span<byte> buffer = stackalloc byte[32];
        "key:"u8.CopyTo(buffer);
        for (int k = 0; k < spec.Count; k++)
        {
            k.TryFormat(buffer[4..], out int digits, default, CultureInfo.InvariantCulture);
            _slotOfKey[k] = HashSlot.Of(buffer[..(4 + digits)]);
        }

        if (spec.Distribution == KeyDistribution.Zipf)
        {
            // Summed in key order once, so every run sees the same weights bit for bit.
            _zipfCumulative = new double[spec.Count];
            double sum = 0;
            for (int k = 0; k < spec.Count; k++)
            {
                sum += 1.0 / Math.Pow(k + 1, spec.Skew);
                _zipfCumulative[k] = sum;
            }
        }
    }

    /// <summary>Keys in the key space.</summary>
    public int KeyCount => _slotOfKey.Length;

    /// <summary>The name of key <paramref name="index"/>.</summary>
    public static string KeyName(int index) => "key:" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The slot of key <paramref name="index"/>.</summary>
    public int SlotOf(int index) => _slotOfKey[index];

    /// <summary>Draws the next write's key index from <paramref name="keys"/> (the client's own stream).</summary>
    public int NextKey(RandomStream keys)
    {
        double u = keys.NextDouble();
        int count = _slotOfKey.Length;
        switch (_spec.Distribution)
        {
            case KeyDistribution.Uniform:
                return Math.Min(count - 1, (int)(u * count));
            case KeyDistribution.HotKey:
                if (u < _spec.HotShare || count == 1)
                {
                    return 0;
                }

                double rest = (u - _spec.HotShare) / (1 - _spec.HotShare);
                return 1 + Math.Min(count - 2, (int)(rest * (count - 1)));
            case KeyDistribution.Zipf:
                var cumulative = _zipfCumulative!;
                double target = u * cumulative[count - 1];
                int index = Array.BinarySearch(cumulative, target);
                index = index >= 0 ? index : ~index;
                return Math.Min(count - 1, index);
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    /// <summary>The fraction of writes each slot range receives, for reports and tests (an exact sum over keys).</summary>
    public double[] ShareOfShards(int[] slotStarts)
    {
        int shards = slotStarts.Length - 1;
        var share = new double[shards];
        int count = _slotOfKey.Length;
        double total = 0;
        for (int k = 0; k < count; k++)
        {
            double weight = WeightOf(k);
            share[SlotRanges.ShardOf(slotStarts, _slotOfKey[k])] += weight;
            total += weight;
        }

        for (int s = 0; s < shards; s++)
        {
            share[s] /= total;
        }

        return share;
    }

    /// <summary>How often key <paramref name="index"/> is written, relative to the others (not normalised).</summary>
    public double WeightOf(int index)
    {
        int count = _slotOfKey.Length;
        return _spec.Distribution switch
        {
            KeyDistribution.Uniform => 1,
            KeyDistribution.HotKey => count == 1 ? 1 : index == 0 ? _spec.HotShare : (1 - _spec.HotShare) / (count - 1),
            KeyDistribution.Zipf => 1.0 / Math.Pow(index + 1, _spec.Skew),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }

    /// <summary>UTF-8 bytes of a key name (tests).</summary>
    internal static byte[] KeyBytes(int index) => Encoding.UTF8.GetBytes(KeyName(index));
}
