namespace RedisFailoverSim.Model.Metrics;

/// <summary>What the WAIT (or WAITAOF) a client sent after an acknowledged write answered (docs/sources.md §16.4).</summary>
public enum WaitVerdict : byte
{
    /// <summary>No WAIT answered for it: none was sent, or its connection closed first.</summary>
    None,

    /// <summary>It answered at least the replicas (and local fsync) asked for.</summary>
    Confirmed,

    /// <summary>It answered fewer (the timeout, or an error such as -UNBLOCKED on a demotion).</summary>
    Short,
}
