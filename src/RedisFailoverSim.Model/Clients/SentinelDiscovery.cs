using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Sentinel;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The Sentinel client protocol (docs/sources.md §9.1): ask each Sentinel in turn for the master's address with a
/// short timeout (assumption A5), then connect and verify with ROLE. The client connects to the nodes themselves,
/// so it also learns every node the Sentinels list (assumption A37) and reconnects to each one by the library's
/// backoff (StackExchange.Redis's ExponentialRetry, docs/sources.md §9.2). Which Sentinel it asks first is
/// <see cref="ClientSettings.SentinelOrder"/>.
/// </summary>
public sealed class SentinelDiscovery : ClientDiscovery, IEventTarget
{
    private readonly IReadOnlyList<MemberId> _sentinels;
    private readonly IReadOnlyList<MemberId> _nodes;
    private readonly RandomStream _reconnectJitter;
    private readonly int[] _order;
    private readonly ObserveTimer _observeTimer;
    private int _index;
    private int _retries;
    private long _attempt;
    private bool _active;
    private MemberId _answered = MemberId.None;
    private bool _observing;
    private int _observeIndex;
    private long _observePass;
    private long _observeAttempt;

    /// <summary>Creates the strategy over the Sentinels, in the order the client lists them.</summary>
    /// <param name="sentinels">The Sentinels, in the order the client asks them.</param>
    /// <param name="nodes">The nodes the Sentinels monitor, in node order (their replica lists, assumption A37).</param>
    /// <param name="reconnectJitter">The client's own stream for node reconnect delays.</param>
    public SentinelDiscovery(IReadOnlyList<MemberId> sentinels, IReadOnlyList<MemberId> nodes, RandomStream reconnectJitter)
    {
        _sentinels = sentinels;
        _nodes = nodes;
        _reconnectJitter = reconnectJitter;
        _observeTimer = new ObserveTimer(this);
        _order = new int[sentinels.Count];
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }
    }

    /// <inheritdoc />
    public override bool ConnectsToNodes => true;

    /// <inheritdoc />
    public override IReadOnlyList<MemberId> Nodes => _nodes;

    /// <summary>
    /// StackExchange.Redis ExponentialRetry(ConnectTimeout / 2) per node connection: after the n-th failed connect the
    /// next waits a random time in [2500 ms, min(10000 ms, 2500 ms × 1.1^n)] (docs/sources.md §9.2); checked on the heartbeat.
    /// </summary>
    public override SimDuration NodeReconnectDelay(int failedAttempts) => Client.Settings.Reconnect.Delay(failedAttempts, _reconnectJitter);

    /// <summary>
    /// ASSUMPTION A12: a heartbeat-driven client (StackExchange.Redis) re-queries the Sentinels every heartbeat after
    /// losing its primary; a library with its own timers waits its reconnect backoff.
    /// </summary>
    public override SimDuration RetryDelay() => Client.Settings.Timers == ClientTimers.Heartbeat
        ? Client.Settings.Heartbeat
        : Client.Settings.Reconnect.Delay(_retries++, _reconnectJitter);

    /// <inheritdoc />
    public override MemberId AnsweringSentinel => _answered;

    /// <inheritdoc />
    public override void OnConnected() => _retries = 0;

    /// <inheritdoc />
    public override void Begin()
    {
        _observing = false;
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

        if (_observing && _observeIndex < _sentinels.Count && reply.From == _sentinels[_observeIndex])
        {
            _observing = false;
            Client.OnObserved(reply, _observePass);
            return true;
        }

        if (_active && _index < _sentinels.Count && reply.From == _sentinels[_order[_index]])
        {
            _active = false;
            _answered = reply.From;
            if (Client.Settings.SentinelOrder == SentinelOrder.LastAnsweredFirst)
            {
                MoveToFront(_index);
            }

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
        Client.SendFromClient(_sentinels[_order[_index]], new GetMasterAddrRequest());
        Client.ScheduleDiscoveryTimer(Client.Settings.SentinelTimeout, this, _attempt);
    }

    /// <summary>
    /// node-redis's <c>observe</c>: the Sentinels in the order configured, each given the Sentinel timeout to answer
    /// (a new connection and SENTINEL MASTER); the first answer ends the pass.
    /// </summary>
    public void Observe(long pass)
    {
        _observing = true;
        _observePass = pass;
        _observeIndex = 0;
        AskObserved();
    }

    private void AskObserved()
    {
        if (_observeIndex >= _sentinels.Count)
        {
            _observing = false;
            Client.OnObserved(null, _observePass);
            return;
        }

        _observeAttempt++;
        Client.SendFromClient(_sentinels[_observeIndex], new GetMasterAddrRequest());
        Client.ScheduleDiscoveryTimer(Client.Settings.SentinelTimeout, _observeTimer, _observeAttempt);
    }

    /// <summary>The observe pass's timer: the Sentinel asked did not answer in time, ask the next.</summary>
    private sealed class ObserveTimer(SentinelDiscovery owner) : IEventTarget
    {
        void IEventTarget.Fire(long token, object? payload)
        {
            if (owner._observing && token == owner._observeAttempt)
            {
                owner._observeIndex++;
                owner.AskObserved();
            }
        }
    }

    /// <summary>The Sentinel at <paramref name="position"/> answered: ask it first next time, the others keep their order.</summary>
    private void MoveToFront(int position)
    {
        int sentinel = _order[position];
        for (int i = position; i > 0; i--)
        {
            _order[i] = _order[i - 1];
        }

        _order[0] = sentinel;
    }
}
