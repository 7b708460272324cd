namespace RedisFailoverSim.Model.Specs;

/// <summary>Where a client library starts a command's timeout.</summary>
public enum TimeoutOrigin
{
    /// <summary>From the moment the application issued the command, queued or not (StackExchange.Redis, Lettuce).</summary>
    IntendedStart,

    /// <summary>From the moment the command was written to a connection (a socket read timeout, redis-py).</summary>
    Sent,
}
