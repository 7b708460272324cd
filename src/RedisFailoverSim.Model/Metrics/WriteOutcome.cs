namespace RedisFailoverSim.Model.Metrics;

/// <summary>How a write ended, as the client saw it (Jepsen's ok / fail / info).</summary>
public enum WriteOutcome : byte
{
    /// <summary>Still in flight (only before the run ends).</summary>
    Pending,

    /// <summary>The client received a success reply: acknowledged.</summary>
    Ok,

    /// <summary>The client received an error reply, or the write never left the client.</summary>
    Failed,

    /// <summary>The client never learned the outcome: timed out or connection lost in flight.</summary>
    Unknown,
}
