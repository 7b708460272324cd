namespace RedisFailoverSim.Model.Specs;

/// <summary>What becomes of commands in flight (sent, not answered) when their connection closes.</summary>
public enum InFlightOnDrop
{
    /// <summary>They end with a connection error: the client never learns whether they were applied.</summary>
    Unknown,

    /// <summary>They are sent again after the reconnect (at least once: a command that had been applied is applied twice).</summary>
    Resend,
}
