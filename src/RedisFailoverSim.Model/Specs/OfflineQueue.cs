namespace RedisFailoverSim.Model.Specs;

/// <summary>What a client library does with a command issued while it has no connection.</summary>
public enum OfflineQueue
{
    /// <summary>Queues it and sends it once connected; it may still time out while waiting (by its timeout origin).</summary>
    Queue,

    /// <summary>Fails it at once (never sent).</summary>
    FailFast,
}
