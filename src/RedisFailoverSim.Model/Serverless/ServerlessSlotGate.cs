using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Serverless;

/// <summary>
/// What a Serverless shard's primary answers while slots move to an added shard, as a Redis Cluster node does during a
/// live resharding (docs/sources.md §5.2, ASSUMPTION A162): the source serves the keys of a MIGRATING slot it still
/// holds and answers <c>-ASK</c> to the target for one that has moved; the target serves an IMPORTING slot only after
/// <c>ASKING</c> and otherwise answers <c>-MOVED</c> to the owner; a node reached for a slot another shard owns answers
/// <c>-MOVED</c> (a write forwarded just before the slot was assigned). Replicas and writes without a key are the
/// plain node's.
/// </summary>
public sealed class ServerlessSlotGate : IWriteGate
{
    private readonly int _shard;
    private ServiceSlotMap _map = null!;
    private ServerlessScaleOut _scaleOut = null!;
    private RedisNode _node = null!;

    /// <summary>Creates the gate of a node of <paramref name="shard"/>.</summary>
    public ServerlessSlotGate(int shard) => _shard = shard;

    /// <summary>
    /// Binds the gate to its node, the proxies' slot map and the scale-out, which knows the slot moving now (the node
    /// is created with the gate in its options, before the map that names it).
    /// </summary>
    public void Attach(RedisNode node, ServiceSlotMap map, ServerlessScaleOut scaleOut)
    {
        _node = node;
        _map = map;
        _scaleOut = scaleOut;
    }

    /// <inheritdoc />
    public bool TryRedirect(WriteRequest write)
    {
        int slot = write.Slot;
        if (slot < 0 || write.Key < 0 || !_node.IsPrimary)
        {
            return false;
        }

        if (_scaleOut.IsMigrating(slot, out int source, out int target))
        {
            if (_shard == source)
            {
                return _scaleOut.HasMoved(write.Key) && Redirect(write, ReplyKind.Ask, target);
            }

            if (_shard == target)
            {
                return !write.Asking && Redirect(write, ReplyKind.Moved, source);
            }
        }

        int owner = _map.ShardOfSlot(slot);
        return owner != _shard && Redirect(write, ReplyKind.Moved, owner);
    }

    private bool Redirect(WriteRequest write, ReplyKind kind, int shard)
    {
        _node.RedirectWrite(write, kind, _map.OwnerOf(shard));
        return true;
    }
}
