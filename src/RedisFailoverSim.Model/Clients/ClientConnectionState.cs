namespace RedisFailoverSim.Model.Clients;

/// <summary>Where a client's connection to the primary stands.</summary>
public enum ClientConnectionState
{
    /// <summary>No connection; a new attempt is due at the next retry time.</summary>
    Disconnected,

    /// <summary>Asking where the primary is (Sentinels, DNS…).</summary>
    Discovering,

    /// <summary>Connecting to a node and checking its role.</summary>
    Connecting,

    /// <summary>Connected to a node it believes is the primary; writes are sent at once.</summary>
    Connected,
}
