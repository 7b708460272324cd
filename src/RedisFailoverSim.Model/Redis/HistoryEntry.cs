namespace RedisFailoverSim.Model.Redis;

/// <summary>One write in a node's replication history: its id and the stream offset just after it.</summary>
/// <param name="WriteId">The write (an element added to the set).</param>
/// <param name="EndOffset">Replication offset after applying it (bytes of stream so far).</param>
public readonly record struct HistoryEntry(long WriteId, long EndOffset);
