namespace RedisFailoverSim.Model.Specs;

/// <summary>How a client library notices a connection whose peer went silent without a reset.</summary>
public enum DeadSocketCheck
{
    /// <summary>
    /// StackExchange.Redis's heartbeat: a Sentinel client drops its routed connection when commands timed out on it
    /// and nothing was read for more than four command timeouts (assumption A39); an endpoint client drops it when a
    /// command timed out since it connected and nothing arrived for a whole command timeout (assumption A30).
    /// </summary>
    StackExchangeHeartbeat,

    /// <summary>A connection with a command unanswered and nothing read for <c>dead-socket-after</c> is dropped.</summary>
    SilentFor,

    /// <summary>Never: a silent peer holds the connection (and what is in flight on it) until it resets or answers.</summary>
    None,
}
