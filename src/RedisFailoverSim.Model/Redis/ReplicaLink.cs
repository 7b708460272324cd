using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>The master's view of one replica attached to it.</summary>
internal sealed class ReplicaLink
{
    public ReplicaLink(MemberId replica, SimTime since, long syncToken)
    {
        Replica = replica;
        Since = since;
        LastAck = since;
        SyncToken = syncToken;
    }

    public MemberId Replica { get; }

    /// <summary>Online = receives the stream; otherwise a full sync is being prepared.</summary>
    public bool Online { get; set; }

    public SimTime Since { get; }

    public long AckOffset { get; set; }

    /// <summary>The offset the replica's AOF fsync covers (REPLCONF ACK's FACK), -1 without an AOF.</summary>
    public long AofAckOffset { get; set; } = -1;

    public SimTime LastAck { get; set; }

    /// <summary>Identifies the full sync in progress, so a stale timer cannot finish a newer one.</summary>
    public long SyncToken { get; }
}
