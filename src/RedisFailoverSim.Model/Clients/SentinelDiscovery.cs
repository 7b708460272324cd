using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Sentinel;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The Sentinel client protocol (docs/sources.md §9.1): ask each Sentinel in turn for the master's address with a
/// short timeout (assumption A5), then connect and verify with ROLE. The client connects to the nodes themselves,
/// so it also learns every node the Sentinels list (assumption A37) and reconnects to each one by
/// StackExchange.Redis's ExponentialRetry (docs/sources.md §9.2).
/// </summary>
public sealed class SentinelDiscovery : ClientDiscovery, IEventTarget
{
    private readonly IReadOnlyList<MemberId> _sentinels;
    private readonly IReadOnlyList<MemberId> _nodes;
    private readonly RandomStream _reconnectJitter;
    private int _index;
    private long _attempt;
    private bool _active;

    /// <summary>Creates the strategy over the Sentinels, in the order the client lists them.</summary>
    /// <param name="sentinels">The Sentinels, in the order the client asks them.</param>
    /// <param name="nodes">The nodes the Sentinels monitor, in node order (their replica lists, assumption A37).</param>
    /// <param name="reconnectJitter">The client's own stream for node reconnect delays.</param>
    public SentinelDiscovery(IReadOnlyList<MemberId> sentinels, IReadOnlyList<MemberId> nodes, RandomStream reconnectJitter)
    {
        _sentinels = sentinels;
        _nodes = nodes;
        _reconnectJitter = reconnectJitter;
    }

    /// <inheritdoc />
    public override bool ConnectsToNodes => true;

    /// <inheritdoc />
    public override IReadOnlyList<MemberId> Nodes => _nodes;

    /// <summary>
    /// StackExchange.Redis ExponentialRetry(ConnectTimeout / 2) per node connection: after the n-th failed connect the
    /// next waits a random time in [2500 ms, min(10000 ms, 2500 ms × 1.1^n)] (docs/sources.md §9.2); checked on the heartbeat.
    /// </summary>
    public override SimDuration NodeReconnectDelay(int failedAttempts)
    {
        double low = Client.Settings.ReconnectBase.TotalSeconds;
        double high = Math.Min(Client.Settings.ReconnectMax.TotalSeconds, low * Math.Pow(1.1, failedAttempts));
        return SimDuration.FromSecondsRounded(high > low ? _reconnectJitter.NextDouble(low, high) : low);
    }

    /// <inheritdoc />
    public override void Begin()
    {
        _active = true;
        _index = 0;
        AskCurrent();
    }

    /// <inheritdoc />
    public override bool TryHandle(Message message)
    {
        if (message is not GetMasterAddrReply reply)
        {
            return false;
        }

        if (_active && _index < _sentinels.Count && reply.From == _sentinels[_index])
        {
            _active = false;
            Client.ConnectTo(reply.Master);
        }

        return true;
    }

    /// <inheritdoc />
    public override void OnHeartbeat()
    {
    }

    void IEventTarget.Fire(long token, object? payload)
    {
        if (!_active || token != _attempt)
        {
            return;
        }

        _index++;
        AskCurrent();
    }

    private void AskCurrent()
    {
        if (_index >= _sentinels.Count)
        {
            _active = false;
            Client.DiscoveryFailed("no Sentinel answered");
            return;
        }

        _attempt++;
        Client.SendFromClient(_sentinels[_index], new GetMasterAddrRequest());
        Client.ScheduleDiscoveryTimer(Client.Settings.SentinelTimeout, this, _attempt);
    }
}
