namespace RedisFailoverSim.Model.Redis;

/// <summary>One write in a node's replication history: its id, the stream offset just after it, and its stamp.</summary>
/// <param name="WriteId">The write (an element added to the set).</param>
/// <param name="EndOffset">Replication offset after applying it (bytes of stream so far).</param>
/// <param name="Stamp">The entry's identity across nodes (<see cref="WriteStamp"/>), for the compact accounting.</param>
public readonly record struct HistoryEntry(long WriteId, long EndOffset, long Stamp);
