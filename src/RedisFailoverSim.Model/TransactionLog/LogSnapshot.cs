using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>
/// The log's committed prefix folded into a dataset (Raft's snapshot, docs/sources.md §10.4): what a reader that
/// lacks records the log no longer holds loads instead of them. Shared between messages: never modified.
/// </summary>
/// <param name="Dataset">The first <see cref="Index"/> entries (a window keeps only their lineage in memory).</param>
/// <param name="Term">The term of the record at <see cref="Index"/>.</param>
public sealed record LogSnapshot(History Dataset, long Term)
{
    /// <summary>The last log index the snapshot covers.</summary>
    public long Index => Dataset.Count;
}
