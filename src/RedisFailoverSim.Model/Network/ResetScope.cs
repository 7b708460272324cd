namespace RedisFailoverSim.Model.Network;

/// <summary>Which connection between two members a <see cref="ConnectionReset"/> closes, seen from the receiver.</summary>
public enum ResetScope
{
    /// <summary>Every connection (the sender's process died and its kernel reset them all).</summary>
    All,

    /// <summary>The receiver's client connection to the sender.</summary>
    Client,

    /// <summary>The receiver's replication link to the sender as its master.</summary>
    MasterLink,

    /// <summary>The link on which the sender was the receiver's replica.</summary>
    ReplicaLink,
}
