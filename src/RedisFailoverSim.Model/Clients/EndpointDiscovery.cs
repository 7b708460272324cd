using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// Finding the primary through a managed endpoint: the ElastiCache primary endpoint's DNS name, a Serverless
/// proxy endpoint, a MemoryDB cluster's topology. The client resolves on every (re)connect and keeps the answer for
/// its DNS TTL (docs/sources.md §9.1: AWS recommends 5–10 s), so it sees a re-pointed endpoint only once its cached answer
/// expires. Reconnects follow the library's backoff (StackExchange.Redis's ExponentialRetry, docs/sources.md §9.2); the
/// client's dead-socket check (assumption A30) is how it notices a primary that lost power.
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

    /// <summary>Nothing: the client's dead-socket check (assumption A30) watches the connection.</summary>
    public override void OnHeartbeat()
    {
    }

    /// <summary>
    /// The library's reconnect backoff; StackExchange.Redis ExponentialRetry(ConnectTimeout / 2): the n-th retry waits
    /// a random time in [2500 ms, min(10000 ms, 2500 ms × 1.1^n)] (docs/sources.md §9.2).
    /// </summary>
    public override SimDuration RetryDelay() => Client.Settings.Reconnect.Delay(_retries++, _retryJitter);

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
