namespace RedisFailoverSim.Model.Redis;

/// <summary>How a path configures its Redis nodes beyond redis.conf.</summary>
/// <param name="CloseOnReplicaWrite">
/// ElastiCache's <c>close-on-slave-write</c> (default yes there, docs/sources.md §4.2): a write to a demoted node closes
/// the connection instead of answering <c>-READONLY</c>.
/// </param>
public sealed record RedisNodeOptions(bool CloseOnReplicaWrite)
{
    /// <summary>Open-source Redis/Valkey behaviour.</summary>
    public static RedisNodeOptions OpenSource { get; } = new(CloseOnReplicaWrite: false);

    /// <summary>
    /// A path's extension of the node (MemoryDB's transaction-log agent), or null for plain Redis: it gates write
    /// acknowledgements and handles the messages the node does not know.
    /// </summary>
    public INodeExtension? Extension { get; init; }

    /// <summary>Redirects a write that another node serves (a Serverless slot migration, A162), or null.</summary>
    public IWriteGate? WriteGate { get; init; }

    /// <summary>
    /// ASSUMPTION A35: a replica that sees a hole in its master's stream (an entry that does not start at its
    /// offset, or a ping announcing more than it holds) drops the link and resyncs. TCP would retransmit what a cut
    /// dropped; the simulated network drops it for good, so without this check a cut shorter than
    /// <c>repl-timeout</c> leaves a replica silently behind. On for every Redis path (off only in
    /// <see cref="OpenSource"/>, the bare defaults).
    /// </summary>
    public bool RecoverStreamGaps { get; init; }

    /// <summary>
    /// ASSUMPTION A35: a promoted replica disconnects the replicas chained below it, so they resync (partially,
    /// PSYNC2) and learn its new replication id, as <c>replicationUnsetMaster</c> does (docs/sources.md §1.2). On for every
    /// Redis path; without it a chained replica keeps the old id forever.
    /// </summary>
    public bool DisconnectReplicasOnPromotion { get; init; }
}
