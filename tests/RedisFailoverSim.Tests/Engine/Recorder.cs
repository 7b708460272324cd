using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Queue;

namespace RedisFailoverSim.Tests.Engine;

/// <summary>An event target that records (time, token) each time it fires and can run a callback.</summary>
internal sealed class Recorder : IEventTarget
{
    private readonly Simulation _simulation;

    public Recorder(Simulation simulation)
    {
        _simulation = simulation;
    }

    public List<(long Time, long Token)> Fired { get; } = [];

    public Action<long>? OnFire { get; set; }

    public void Fire(long token, object? payload)
    {
        Fired.Add((_simulation.Now.Nanoseconds, token));
        OnFire?.Invoke(token);
    }
}
