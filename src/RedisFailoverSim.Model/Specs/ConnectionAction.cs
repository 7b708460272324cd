namespace RedisFailoverSim.Model.Specs;

/// <summary>What a client library does to its connection after a timeout, an error reply or a reset.</summary>
public enum ConnectionAction
{
    /// <summary>Keeps the connection (the command alone fails).</summary>
    Keep,

    /// <summary>Closes the connection: commands in flight on it are lost; it reconnects after its reconnect delay.</summary>
    Drop,

    /// <summary>Closes the connection (or, connected to every node, re-checks every node's role) and looks for the primary at once.</summary>
    Rediscover,
}
