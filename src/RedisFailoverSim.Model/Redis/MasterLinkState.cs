namespace RedisFailoverSim.Model.Redis;

/// <summary>A replica's link to its master (<c>master_link_status</c>).</summary>
public enum MasterLinkState
{
    /// <summary>No link: a reconnect is attempted from the replication cron.</summary>
    Down,

    /// <summary><c>PSYNC</c> sent, waiting for the answer.</summary>
    Handshake,

    /// <summary>Full sync accepted; waiting for the snapshot.</summary>
    AwaitingSnapshot,

    /// <summary>Streaming: <c>master_link_status:up</c>.</summary>
    Up,
}
