namespace RedisFailoverSim.Engine.Processes;

/// <summary>An event that succeeds with a value of type <typeparamref name="T"/> (no boxing).</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class SimEvent<T> : SimEventBase
{
    private T? _value;

    /// <summary>Creates a pending event.</summary>
    public SimEvent(Simulation simulation)
        : base(simulation)
    {
    }

    /// <summary>The value the event succeeded with.</summary>
    public T Value
    {
        get
        {
            Invariant.Holds(State == EventState.Succeeded);
            return _value!;
        }
    }

    /// <summary>Marks the event succeeded with a value and resumes its waiters at the current instant.</summary>
    public void Succeed(T value)
    {
        _value = value;
        TriggerSuccess();
    }

    /// <inheritdoc />
    protected override void OnReset() => _value = default;
}
