namespace RedisFailoverSim.Engine.Processes;

/// <summary>What a process waits for.</summary>
public enum WaitKind
{
    /// <summary>A span of simulated time (or an instant).</summary>
    Timeout,

    /// <summary>One event, optionally with a timeout.</summary>
    Event,

    /// <summary>The first of several events.</summary>
    AnyOf,

    /// <summary>All of several events (or the first failure).</summary>
    AllOf,

    /// <summary>An item in a mailbox.</summary>
    Receive,
}
