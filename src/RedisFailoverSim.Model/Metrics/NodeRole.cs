namespace RedisFailoverSim.Model.Metrics;

/// <summary>What a node is doing, for the role-lane chart.</summary>
public enum NodeRole : byte
{
    /// <summary>Accepting writes as primary.</summary>
    Primary,

    /// <summary>Replicating from a primary, in sync.</summary>
    Replica,

    /// <summary>Replica doing a full sync (not yet serving).</summary>
    Syncing,

    /// <summary>Crashed or powered off.</summary>
    Down,

    /// <summary>Paused (SIGSTOP).</summary>
    Paused,
}
