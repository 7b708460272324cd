namespace RedisFailoverSim.Engine.Processes;

/// <summary>The life of a <see cref="Process"/>.</summary>
public enum ProcessState
{
    /// <summary>Waiting for what it last yielded (or for its first step).</summary>
    Waiting,

    /// <summary>Executing its body right now.</summary>
    Running,

    /// <summary>Its body returned.</summary>
    Finished,

    /// <summary>It was stopped (a crash, for instance) and will never run again.</summary>
    Stopped,
}
