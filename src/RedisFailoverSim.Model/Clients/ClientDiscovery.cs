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

    /// <summary>
    /// True when the client connects to the nodes themselves (Sentinel), false when it talks to one endpoint (a DNS
    /// name, a proxy) whatever node stands behind it. Decides what a write queued while disconnected is bound to
    /// (assumption A36) and whether the client may keep a connection to every node (assumption A37).
    /// </summary>
    public virtual bool ConnectsToNodes => false;

    /// <summary>The nodes the client may connect to, for <see cref="ConnectsToNodes"/> strategies (in node order).</summary>
    public virtual IReadOnlyList<MemberId> Nodes => [];

    /// <summary>
    /// For <see cref="ConnectsToNodes"/> strategies: how long a node connection waits after its
    /// <paramref name="failedAttempts"/>-th failed connect before the next one.
    /// </summary>
    public virtual Engine.Time.SimDuration NodeReconnectDelay(int failedAttempts) => Client.Settings.Heartbeat;

    /// <summary>The Sentinel whose answer the client last followed (<see cref="MemberId.None"/> without Sentinels).</summary>
    public virtual MemberId AnsweringSentinel => MemberId.None;

    /// <summary>Called when the client has connected to a node that says it is the primary.</summary>
    public virtual void OnConnected()
    {
    }
}
