namespace RedisFailoverSim.Model.Specs;

/// <summary>Which Sentinel a client asks first for the primary's address.</summary>
public enum SentinelOrder
{
    /// <summary>Always in the order configured (StackExchange.Redis).</summary>
    AsListed,

    /// <summary>The one that answered last first, then the others in order (redis-py, ioredis move it to the front).</summary>
    LastAnsweredFirst,
}
