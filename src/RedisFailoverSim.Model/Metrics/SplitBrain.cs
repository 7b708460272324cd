namespace RedisFailoverSim.Model.Metrics;

/// <summary>The split-brain rule shared by the compact clock and the result: two nodes accepting writes for one shard.</summary>
internal static class SplitBrain
{
    /// <summary>
    /// Applies one node's change of "accepts writes" to its shard's count; returns +1 when the shard just entered split
    /// brain (a second node accepting), -1 when it just left, else 0.
    /// </summary>
    public static int Count(int[] countByShard, int shard, bool isAccepting)
    {
        int before = countByShard[shard];
        int after = before + (isAccepting ? 1 : -1);
        countByShard[shard] = after;
        return before < 2 && after >= 2 ? 1 : before >= 2 && after < 2 ? -1 : 0;
    }
}
