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
}
