namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// How <c>redis-cli --cluster create</c> splits the 16,384 slots over the primaries: contiguous ranges of
/// 16384 / N slots each, the last one ending at slot 16383 (docs/sources.md §3.1).
/// </summary>
public static class SlotRanges
{
    /// <summary>The first slot of each shard's range, in shard order, then <see cref="HashSlot.Count"/>.</summary>
    public static int[] Starts(int shardCount)
    {
        if (shardCount < 1 || shardCount > HashSlot.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(shardCount));
        }

        // redis-cli computes in single-precision floats and rounds half away from zero (lround); so does this.
        var starts = new int[shardCount + 1];
        float perShard = HashSlot.Count / (float)shardCount;
        float cursor = 0f;
        long first = 0;
        for (int i = 0; i < shardCount; i++)
        {
            starts[i] = (int)first;
            long last = (long)Math.Round(cursor + perShard - 1, MidpointRounding.AwayFromZero);
            if (last > HashSlot.Count || i == shardCount - 1)
            {
                last = HashSlot.Count - 1;
            }

            last = Math.Max(last, first);
            first = last + 1;
            cursor += perShard;
        }

        starts[shardCount] = HashSlot.Count;
        return starts;
    }

    /// <summary>The shard owning <paramref name="slot"/> at the start, given <see cref="Starts"/>.</summary>
    public static int ShardOf(int[] starts, int slot)
    {
        int shard = Array.BinarySearch(starts, slot);
        return shard >= 0 ? shard : ~shard - 1;
    }
}
