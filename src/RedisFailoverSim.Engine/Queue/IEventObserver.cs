using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Engine.Queue;

/// <summary>Sees every event as the loop fires it; for trace hashes and debugging, not for the model.</summary>
public interface IEventObserver
{
    /// <summary>Called just before an event fires.</summary>
    void OnEvent(SimTime now, long sequence, IEventTarget target, long token);
}
