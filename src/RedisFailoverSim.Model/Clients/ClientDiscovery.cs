using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// How a client finds the primary: through Sentinels (self-hosted), a DNS endpoint (ElastiCache), a proxy
/// (Serverless)… Each path supplies one; the client code itself is shared.
/// </summary>
public abstract class ClientDiscovery
{
    /// <summary>The client this strategy serves.</summary>
    protected WriteClient Client { get; private set; } = null!;

    internal void Attach(WriteClient client) => Client = client;

    /// <summary>Starts looking for the primary; calls <see cref="WriteClient.ConnectTo"/> or <see cref="WriteClient.DiscoveryFailed"/> eventually.</summary>
    public abstract void Begin();

    /// <summary>Handles a message meant for discovery; returns false when it is not one.</summary>
    public abstract bool TryHandle(Message message);

    /// <summary>Called on every heartbeat, for discovery timeouts.</summary>
    public abstract void OnHeartbeat();

    /// <summary>
    /// How long the client waits before its next attempt after a failed one. ASSUMPTION A12: one heartbeat (a
    /// StackExchange.Redis client in Sentinel mode re-queries every second); endpoint-based paths override it.
    /// </summary>
    public virtual Engine.Time.SimDuration RetryDelay() => Client.Settings.Heartbeat;

    /// <summary>Called when the client has connected to a node that says it is the primary.</summary>
    public virtual void OnConnected()
    {
    }
}
