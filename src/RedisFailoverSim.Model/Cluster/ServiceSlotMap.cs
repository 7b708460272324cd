using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// The slot map of a managed cluster whose control plane (not a cluster bus) decides each shard's primary: one endpoint
/// record per shard, re-pointed by whatever fails that shard over (MemoryDB: the node that wins the shard's transaction
/// log). Every node answers <c>CLUSTER SLOTS</c> and redirects from this one map (<see cref="ServiceSlotRouter"/>).
/// Slots never change shard (no resharding, ASSUMPTION A80).
/// </summary>
public sealed class ServiceSlotMap
{
    private readonly IReadOnlyList<EndpointRecord> _owners;
    private readonly int[] _slotStarts;

    /// <summary>Creates the map of <paramref name="owners"/>.Count shards, the slots split as <see cref="SlotRanges"/> splits them.</summary>
    /// <param name="owners">Each shard's endpoint record, by shard index.</param>
    public ServiceSlotMap(IReadOnlyList<EndpointRecord> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        _owners = owners;
        _slotStarts = SlotRanges.Starts(owners.Count);
    }

    /// <summary>Number of shards.</summary>
    public int ShardCount => _owners.Count;

    /// <summary>The shard serving <paramref name="slot"/>.</summary>
    public int ShardOfSlot(int slot) => SlotRanges.ShardOf(_slotStarts, slot);

    /// <summary>The node the service names as <paramref name="shard"/>'s primary now.</summary>
    public MemberId OwnerOf(int shard) => _owners[shard].Current;

    /// <summary>Each shard's owner now, by shard index (a <c>CLUSTER SLOTS</c> answer).</summary>
    public MemberId[] Owners()
    {
        var owners = new MemberId[_owners.Count];
        for (int s = 0; s < owners.Length; s++)
        {
            owners[s] = _owners[s].Current;
        }

        return owners;
    }
}
