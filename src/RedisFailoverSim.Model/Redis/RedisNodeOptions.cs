namespace RedisFailoverSim.Model.Redis;

/// <summary>How a path configures its Redis nodes beyond redis.conf.</summary>
/// <param name="CloseOnReplicaWrite">
/// ElastiCache's <c>close-on-slave-write</c> (default yes there, FACTS.md §4.2): a write to a demoted node closes
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
}
