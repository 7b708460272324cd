using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// What makes a node of a managed cluster a cluster node for its clients, in front of the path's own extension (MemoryDB:
/// the shard's transaction-log agent): it answers <c>CLUSTER SLOTS</c> from the service's slot map and answers a write
/// for a slot whose primary, in that map, is another node with <c>-MOVED</c> to that node (a replica redirects to its
/// shard's primary, as a cluster-mode replica does). Everything else goes to the inner extension. The clients are the
/// self-hosted cluster's (<see cref="Clients.ClusterShardDiscovery"/>, <c>WriteClient.Cluster.cs</c>), so every
/// sharded path shares one slot-routing client.
/// </summary>
public sealed class ServiceSlotRouter : INodeExtension
{
    private readonly ServiceSlotMap _map;
    private readonly INodeExtension _inner;
    private RedisNode _node = null!;

    /// <summary>Creates the router of one node.</summary>
    /// <param name="map">The service's slot map.</param>
    /// <param name="inner">The node's own extension, which decides acknowledgement.</param>
    public ServiceSlotRouter(ServiceSlotMap map, INodeExtension inner)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(inner);
        _map = map;
        _inner = inner;
    }

    /// <summary>The node's own extension.</summary>
    public INodeExtension Inner => _inner;

    /// <inheritdoc />
    public bool CanAcknowledge => _inner.CanAcknowledge;

    /// <inheritdoc />
    public long? HistoryWindowBytes => _inner.HistoryWindowBytes;

    /// <summary>Binds the router to its node (the node is created with the router in its options).</summary>
    public void Attach(RedisNode node) => _node = node;

    /// <inheritdoc />
    public bool TryRefuse(WriteRequest write)
    {
        // A one-shard service redirects every write, a slot-routing client's or not: there is one primary to name.
        if (write.Slot >= 0 || _map.ShardCount == 1)
        {
            var owner = _map.OwnerOf(_map.ShardCount == 1 ? 0 : _map.ShardOfSlot(write.Slot));
            if (owner != _node.Id && owner.IsSome)
            {
                _node.ReplyToWrite(write, ReplyKind.Moved, owner);
                return true;
            }
        }

        return _inner.TryRefuse(write);
    }

    /// <inheritdoc />
    public bool TryReceive(Message message)
    {
        if (message is ClusterSlotsRequest request)
        {
            _node.SendAsNode(request.From, new ClusterSlotsReply { Attempt = request.Attempt, Owners = _map.Owners() });
            return true;
        }

        return _inner.TryReceive(message);
    }

    /// <inheritdoc />
    public void OnWriteApplied(WriteRequest write, HistoryEntry entry) => _inner.OnWriteApplied(write, entry);

    /// <inheritdoc />
    public void OnReplicated() => _inner.OnReplicated();

    /// <inheritdoc />
    public void OnCrashed() => _inner.OnCrashed();

    /// <inheritdoc />
    public void OnRestarted() => _inner.OnRestarted();
}
