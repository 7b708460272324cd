namespace RedisFailoverSim.Model.Network;

/// <summary>
/// What a message carries, for counting the bytes that cross AZs (assumption A115): only the kinds the price of a
/// month depends on have a size; control traffic is counted as zero bytes.
/// </summary>
public enum TrafficKind
{
    /// <summary>Pings, gossip, votes, Sentinel and cluster-bus traffic: not sized (A115).</summary>
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
