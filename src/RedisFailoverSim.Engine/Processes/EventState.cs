namespace RedisFailoverSim.Engine.Processes;

/// <summary>The life of a <see cref="SimEventBase"/>.</summary>
public enum EventState
{
    /// <summary>Not yet triggered.</summary>
    Pending,

    /// <summary>Triggered with success.</summary>
    Succeeded,

    /// <summary>Triggered with failure.</summary>
    Failed,
}
