namespace RedisFailoverSim.Model.Specs;

/// <summary>Where a client library starts a command's timeout.</summary>
public enum TimeoutOrigin
{
    /// <summary>From the moment the application issued the command, queued or not (StackExchange.Redis, Lettuce).</summary>
    IntendedStart,

    /// <summary>From the moment the command was written to a connection (a socket read timeout, redis-py).</summary>
    Sent,

    /// <summary>
    /// From the moment the application issued the command, but only while it waits to be written: once written it
    /// waits for its reply without a timeout (node-redis 5-6, whose queue removes the timer when it writes the command,
    /// docs/sources.md §11.7).
    /// </summary>
    Queued,
}
