using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// Finding the primary through a managed endpoint: the ElastiCache primary endpoint's DNS name, a Serverless
/// proxy endpoint, a MemoryDB cluster's topology. The client resolves on every (re)connect and keeps the answer for
/// its DNS TTL (docs/sources.md §9.1: AWS recommends 5–10 s), so it sees a re-pointed endpoint only once its cached answer
/// expires. Reconnects follow StackExchange.Redis's ExponentialRetry (docs/sources.md §9.2), and a connection that stays
/// silent is judged dead (ASSUMPTION A30), the only way a client notices a primary that lost power.
/// </summary>
public sealed class EndpointDiscovery : ClientDiscovery
{
    private readonly Func<int, MemberId> _resolve;
    private readonly SimDuration _cacheTtl;
    private readonly RandomStream _retryJitter;
    private MemberId _cached = MemberId.None;
    private SimTime _cachedAt;
    private int _retries;

    /// <summary>Creates the strategy.</summary>
    /// <param name="resolve">What the endpoint answers now, given the client's AZ index.</param>
    /// <param name="cacheTtl">How long the client keeps an answer (zero: it asks every time).</param>
    /// <param name="retryJitter">The client's own stream for reconnect delays.</param>
    public EndpointDiscovery(Func<int, MemberId> resolve, SimDuration cacheTtl, RandomStream retryJitter)
    {
        _resolve = resolve;
        _cacheTtl = cacheTtl;
        _retryJitter = retryJitter;
    }

    /// <inheritdoc />
    public override void Begin()
    {
        var address = Resolve();
        if (!address.IsSome)
        {
            Client.DiscoveryFailed("the endpoint has no address");
            return;
        }

        Client.ConnectTo(address);
    }

    /// <inheritdoc />
    public override bool TryHandle(Message message) => false;

    /// <summary>
    /// ASSUMPTION A30: a connection on which a write timed out and nothing at all arrived for a whole command timeout
    /// is closed and reopened (re-resolving the endpoint), as a client's keep-alive would; without it a client would
    /// wait forever on a primary that lost power, which sends no reset.
    /// </summary>
    public override void OnHeartbeat()
    {
        var now = Client.Network.Simulation.Now;
        if (Client.State == ClientConnectionState.Connected
            && Client.LastInFlightTimeout >= Client.ConnectedAt
            && now - Client.LastHeardFromTarget >= Client.Settings.CommandTimeout)
        {
            Client.DropConnection("nothing received for a whole command timeout");
        }
    }

    /// <summary>
    /// StackExchange.Redis ExponentialRetry(ConnectTimeout / 2): the n-th retry waits a random time in
    /// [2500 ms, min(10000 ms, 2500 ms × 1.1^n)] (docs/sources.md §9.2); checked on the 1 s heartbeat.
    /// </summary>
    public override SimDuration RetryDelay()
    {
        double low = Client.Settings.ReconnectBase.TotalSeconds;
        double high = Math.Min(Client.Settings.ReconnectMax.TotalSeconds, low * Math.Pow(1.1, _retries));
        _retries++;
        return SimDuration.FromSecondsRounded(high > low ? _retryJitter.NextDouble(low, high) : low);
    }

    /// <inheritdoc />
    public override void OnConnected() => _retries = 0;

    private MemberId Resolve()
    {
        var now = Client.Network.Simulation.Now;
        if (_cached.IsSome && now - _cachedAt < _cacheTtl)
        {
            return _cached;
        }

        _cached = _resolve(Client.AzIndex);
        _cachedAt = now;
        return _cached;
    }
}
