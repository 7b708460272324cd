namespace RedisFailoverSim.Engine.Processes;

/// <summary>An event that succeeds without a value.</summary>
public sealed class SimEvent : SimEventBase
{
    /// <summary>Creates a pending event.</summary>
    public SimEvent(Simulation simulation)
        : base(simulation)
    {
    }

    /// <summary>Marks the event succeeded and resumes its waiters at the current instant.</summary>
    public void Succeed() => TriggerSuccess();
}
