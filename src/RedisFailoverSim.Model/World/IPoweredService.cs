namespace RedisFailoverSim.Model.World;

/// <summary>
/// A managed-service member that faults can stop and start: a Serverless proxy, a MemoryDB transaction-log replica.
/// A crash or power-off of it, or of its AZ, stops it; the heal starts it again with its durable state intact.
/// </summary>
public interface IPoweredService
{
    /// <summary>The host stops: nothing it receives is answered.</summary>
    void PowerOff();

    /// <summary>The host is back.</summary>
    void PowerOn();
}
