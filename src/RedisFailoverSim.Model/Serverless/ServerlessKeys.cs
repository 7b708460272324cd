using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Serverless;

/// <summary>
/// The key of each write a Serverless proxy forwards (ASSUMPTION A164). A cluster client connection carries one shard's
/// share of the writes (A153) but no key; the proxy gives each write a key of that shard's slot range, drawn from the
/// scenario's key distribution (<see cref="KeySampler"/>) restricted to those keys, so each slot receives its keys' share
/// of the writes. The draw is a hash of the write id and the run's seed: a write sent twice keeps its key. Setup sorts
/// the keys by shard once; a draw is one hash and a binary search, no allocation.
/// </summary>
public sealed class ServerlessKeys
{
    private readonly int[][] _keysOfShard;
    private readonly double[][] _cumulativeOfShard;
    private readonly int[] _slotOfKey;
    private readonly int[] _slotStarts;
    private readonly ulong _salt;

    /// <summary>Sorts the keys of <paramref name="spec"/> by the shard of <paramref name="slotStarts"/> their slot is in.</summary>
    /// <param name="spec">The scenario's key space.</param>
    /// <param name="slotStarts">The serving shards' slot ranges at the start (<see cref="SlotRanges.Starts"/>).</param>
    /// <param name="salt">The run's seed, mixed into every draw.</param>
    public ServerlessKeys(KeySpaceSpec spec, int[] slotStarts, ulong salt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sampler = new KeySampler(spec);
        int shards = slotStarts.Length - 1;
        _slotStarts = slotStarts;
        _salt = salt;
        _slotOfKey = new int[sampler.KeyCount];
        var keys = new List<int>[shards];
        var cumulative = new List<double>[shards];
        for (int s = 0; s < shards; s++)
        {
            keys[s] = [];
            cumulative[s] = [];
        }

        for (int k = 0; k < sampler.KeyCount; k++)
        {
            int slot = sampler.SlotOf(k);
            _slotOfKey[k] = slot;
            int shard = SlotRanges.ShardOf(slotStarts, slot);
            double before = cumulative[shard].Count == 0 ? 0 : cumulative[shard][^1];
            keys[shard].Add(k);
            cumulative[shard].Add(before + sampler.WeightOf(k));
        }

        _keysOfShard = keys.Select(k => k.ToArray()).ToArray();
        _cumulativeOfShard = cumulative.Select(c => c.ToArray()).ToArray();
    }

    /// <summary>Keys in the key space.</summary>
    public int KeyCount => _slotOfKey.Length;

    /// <summary>The slot of key <paramref name="key"/>.</summary>
    public int SlotOf(int key) => _slotOfKey[key];

    /// <summary>
    /// The key of write <paramref name="writeId"/>, sent on a connection carrying the shard whose range holds
    /// <paramref name="connectionSlot"/> (the write's slot as the client set it); -1 when that shard has no key.
    /// </summary>
    public int KeyOf(long writeId, int connectionSlot)
    {
        int shard = SlotRanges.ShardOf(_slotStarts, connectionSlot);
        var cumulative = _cumulativeOfShard[shard];
        if (cumulative.Length == 0)
        {
            return -1;
        }

        double target = Uniform(writeId) * cumulative[^1];
        int index = Array.BinarySearch(cumulative, target);
        index = index >= 0 ? index + 1 : ~index;
        return _keysOfShard[shard][Math.Min(cumulative.Length - 1, index)];
    }

    private double Uniform(long writeId)
    {
        // SplitMix64's finalizer over (seed, write id): the same write always draws the same number.
        ulong z = unchecked(_salt + ((ulong)writeId * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        double u = (z >> 11) * (1.0 / (1UL << 53));
        Invariant.Holds(u >= 0 && u < 1);
        return u;
    }
}
