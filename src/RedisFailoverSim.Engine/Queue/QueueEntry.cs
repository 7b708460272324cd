namespace RedisFailoverSim.Engine.Queue;

/// <summary>One scheduled event: a struct, so scheduling allocates nothing.</summary>
internal struct QueueEntry
{
    /// <summary>Simulated time of the event, in nanoseconds.</summary>
    public long Time;

    /// <summary>Insertion sequence: breaks ties so the order is total and FIFO among simultaneous events.</summary>
    public long Sequence;

    /// <summary>What to fire.</summary>
    public IEventTarget Target;

    /// <summary>Passed back to the target (a process uses it to spot cancelled waits).</summary>
    public long Token;

    /// <summary>Passed back to the target (a message, for instance).</summary>
    public object? Payload;
}
