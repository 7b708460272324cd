namespace RedisFailoverSim.Model.Network;

/// <summary>
/// What a message carries, for counting the bytes that cross AZs (assumption A115): client, replication and log
/// messages are sized; control messages where they are sized (A101, A102), else they count zero bytes.
/// </summary>
public enum TrafficKind
{
    /// <summary>
    /// Pings, gossip, votes, Sentinel and cluster-bus traffic. Sized: the cluster bus and Sentinel's hellos and votes
    /// (A101, A102); PING, INFO, ROLE and REPLCONF are not and count zero bytes (A115).
    /// </summary>
    Control,

    /// <summary>Client commands and their replies.</summary>
    Client,

    /// <summary>The replication stream: entries, and the backlog a partial resync sends.</summary>
    Replication,

    /// <summary>A full resync's RDB payload: a one-off, not a per-write cost.</summary>
    FullSync,

    /// <summary>MemoryDB's transaction log: the primary's appends and the records replicas read.</summary>
    Log,
}
