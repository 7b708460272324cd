namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// ElastiCache node-based durability (Valkey 9.0 and later, docs/sources.md §4.5, §4.8): whether a write goes to the
/// Multi-AZ transaction log, and whether the primary acknowledges it before or after the log holds it.
/// </summary>
public enum ElastiCacheDurability
{
    /// <summary>No log: asynchronous replication between nodes, as ElastiCache without durability.</summary>
    Disabled,

    /// <summary>Acknowledged once the log holds the write in at least two AZs: no acknowledged write is lost.</summary>
    Sync,

    /// <summary>
    /// Acknowledged before the log: up to the last 10 s of acknowledged writes may be lost, and the primary rejects
    /// writes while the oldest one the log does not hold yet is older than 10 s.
    /// </summary>
    Async,
}
