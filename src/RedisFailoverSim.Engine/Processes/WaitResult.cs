namespace RedisFailoverSim.Engine.Processes;

/// <summary>How a process's last wait ended, read after each <c>yield</c>.</summary>
public enum WaitResult
{
    /// <summary>The process has not waited yet.</summary>
    None,

    /// <summary>What it waited for happened: the time passed, the event succeeded, an item arrived.</summary>
    Completed,

    /// <summary>The timeout of an event wait expired first.</summary>
    TimedOut,

    /// <summary>An event it waited for failed.</summary>
    Failed,

    /// <summary>Another party interrupted the wait; see <see cref="Process.InterruptCause"/>.</summary>
    Interrupted,
}
