using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// The slot map of a managed cluster whose control plane (not a cluster bus) decides each shard's primary: one endpoint
/// record per shard, re-pointed by whatever fails that shard over (MemoryDB: the node that wins the shard's transaction
/// log). Every node answers <c>CLUSTER SLOTS</c> and redirects from this one map (<see cref="ServiceSlotRouter"/>).
/// Slots change shard only when a Serverless cache scales out and moves them to the shard it adds (ASSUMPTIONS A161,
/// A162, <see cref="Assign"/>); otherwise never (no resharding, A80).
/// </summary>
public sealed class ServiceSlotMap
{
    private readonly IReadOnlyList<EndpointRecord> _owners;
    private readonly short[] _shardOfSlot = new short[HashSlot.Count];

    /// <summary>
    /// Creates the map of <paramref name="owners"/>.Count shards, the slots split over the first
    /// <paramref name="servingShards"/> of them (all when null) as <see cref="SlotRanges"/> splits them; the others
    /// start with none (a Serverless cache's warm pool, A161).
    /// </summary>
    /// <param name="owners">Each shard's endpoint record, by shard index.</param>
    /// <param name="servingShards">How many shards own slots at the start.</param>
    public ServiceSlotMap(IReadOnlyList<EndpointRecord> owners, int? servingShards = null)
    {
        ArgumentNullException.ThrowIfNull(owners);
        _owners = owners;
        int serving = servingShards ?? owners.Count;
        Invariant.Holds(serving >= 1 && serving <= owners.Count && owners.Count <= short.MaxValue);
        var starts = SlotRanges.Starts(serving);
        for (int shard = 0; shard < serving; shard++)
        {
            for (int slot = starts[shard]; slot < starts[shard + 1]; slot++)
            {
                _shardOfSlot[slot] = (short)shard;
            }
        }
    }

    /// <summary>Number of shards.</summary>
    public int ShardCount => _owners.Count;

    /// <summary>The shard serving <paramref name="slot"/>.</summary>
    public int ShardOfSlot(int slot) => _shardOfSlot[slot];

    /// <summary>Hands <paramref name="slot"/> to <paramref name="shard"/> (<c>CLUSTER SETSLOT slot NODE</c>, A162).</summary>
    public void Assign(int slot, int shard)
    {
        Invariant.Holds(shard >= 0 && shard < _owners.Count);
        _shardOfSlot[slot] = (short)shard;
    }

    /// <summary>Slots <paramref name="shard"/> owns now, in slot order.</summary>
    public List<int> SlotsOf(int shard)
    {
        var slots = new List<int>();
        for (int slot = 0; slot < _shardOfSlot.Length; slot++)
        {
            if (_shardOfSlot[slot] == shard)
            {
                slots.Add(slot);
            }
        }

        return slots;
    }

    /// <summary>Calls <paramref name="onRepointed"/> with the shard's index each time a shard's record is re-pointed.</summary>
    public void WhenRepointed(Action<int> onRepointed)
    {
        ArgumentNullException.ThrowIfNull(onRepointed);
        for (int s = 0; s < _owners.Count; s++)
        {
            int shard = s;
            _owners[s].Repointed += () => onRepointed(shard);
        }
    }

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
