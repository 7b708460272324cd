namespace RedisFailoverSim.Engine.Queue;

/// <summary>
/// Something the event loop can fire: a process resuming, a message arriving, a timer. The token lets a
/// target recognise stale entries (a wait that was cancelled by an interrupt) without removing them.
/// </summary>
public interface IEventTarget
{
    /// <summary>Called by the event loop at the entry's time.</summary>
    /// <param name="token">The token given when the entry was scheduled.</param>
    /// <param name="payload">The payload given when the entry was scheduled, or null.</param>
    void Fire(long token, object? payload);
}
