namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// One shard's part of a Redis Cluster run: the writes whose keys hash to its slots (the connection each client holds
/// for it, A82), counted with the path's metric definitions. Over all shards the counts add up to the path's totals.
/// </summary>
/// <param name="Shard">The shard's number, from 1 (its nodes are <c>n{Shard}.*</c>).</param>
/// <param name="Attempted">Writes issued to the shard.</param>
/// <param name="Acknowledged">Of those, writes with a success reply.</param>
/// <param name="AcknowledgedLost">Acknowledged writes absent from the final dataset.</param>
/// <param name="Failed">Writes with an error reply (or never sent).</param>
/// <param name="Unknown">Writes whose outcome the client never learned.</param>
/// <param name="Failover">
/// The shard's own failover: the first fault to the first promotion of one of its nodes at or after it, and to that
/// node's first acknowledgement; null when none of its nodes was promoted.
/// </param>
/// <param name="Latency">Latency of the shard's acknowledged writes.</param>
public sealed record ShardResult(
    int Shard,
    long Attempted,
    long Acknowledged,
    long AcknowledgedLost,
    long Failed,
    long Unknown,
    FailoverMetrics? Failover,
    LatencySummary Latency);
