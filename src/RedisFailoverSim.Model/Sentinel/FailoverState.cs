namespace RedisFailoverSim.Model.Sentinel;

/// <summary>Sentinel's failover state machine (sentinel.c l.85-91).</summary>
public enum FailoverState
{
    /// <summary>No failover in progress.</summary>
    None,

    /// <summary>Waiting to be elected leader.</summary>
    WaitStart,

    /// <summary>Choosing the replica to promote.</summary>
    SelectSlave,

    /// <summary>About to send <c>SLAVEOF NO ONE</c>.</summary>
    SendSlaveofNoone,

    /// <summary>Waiting for INFO to show the promotion.</summary>
    WaitPromotion,

    /// <summary>Pointing the other replicas at the new master, parallel-syncs at a time.</summary>
    ReconfSlaves,

    /// <summary>Done: switch the monitored address.</summary>
    UpdateConfig,
}
