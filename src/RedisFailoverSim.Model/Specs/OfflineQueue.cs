namespace RedisFailoverSim.Model.Specs;

/// <summary>What a client library does with a command issued while it has no connection.</summary>
public enum OfflineQueue
{
    /// <summary>Queues it and sends it once connected; it may still time out while waiting (by its timeout origin).</summary>
    Queue,

    /// <summary>Fails it at once (never sent) while no connect is under way; one issued while connecting waits for that connect and fails with it.</summary>
    FailFast,
}
