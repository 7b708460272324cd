using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// <c>client.primary-discovery: fixed-at-creation</c>, Valkey GLIDE's standalone client given every data node's
/// address (docs/sources.md §11.20): at creation it asks every node its role at once and keeps the one that answered
/// <c>role:master</c> (<c>primary_index</c>, fixed for the client's life); every later (re)connect goes back to that
/// node whatever its role by then, so a failover is never followed and a demoted node answers <c>-READONLY</c>.
/// Reconnects wait the library's backoff (GLIDE: 200 ms doubling to 3.2 s, ±20 %). ASSUMPTION A176: the creation
/// asks ROLE where GLIDE asks INFO REPLICATION, and decides once every node answered or the connect timeout passed;
/// ASSUMPTION A177: a creation that finds no primary, or two, is tried again after the reconnect backoff, as an
/// application that creates its client again would (GLIDE's createClient fails).
/// </summary>
public sealed class FixedPrimaryDiscovery : ClientDiscovery, IEventTarget
{
    private readonly IReadOnlyList<MemberId> _nodes;
    private readonly RandomStream _reconnectJitter;
    private MemberId _primary = MemberId.None;
    private MemberId _found = MemberId.None;
    private bool _creating;
    private bool _conflict;
    private int _answers;
    private int _retries;
    private long _attempt;

    /// <summary>Creates the strategy over the data nodes, in node order.</summary>
    /// <param name="nodes">Every data node's address, as the application lists them.</param>
    /// <param name="reconnectJitter">The client's own stream for reconnect delays.</param>
    public FixedPrimaryDiscovery(IReadOnlyList<MemberId> nodes, RandomStream reconnectJitter)
    {
        _nodes = nodes;
        _reconnectJitter = reconnectJitter;
    }

    /// <summary>The node kept at creation (<see cref="MemberId.None"/> until a creation found one).</summary>
    public MemberId Primary => _primary;

    /// <inheritdoc />
    public override bool ConnectsToNodes => true;

    /// <inheritdoc />
    public override IReadOnlyList<MemberId> Nodes => _nodes;

    /// <summary>GLIDE reconnects by its own backoff (reconnecting_connection.rs): the library's reconnect delay.</summary>
    public override SimDuration RetryDelay() => Client.Settings.Reconnect.Delay(_retries++, _reconnectJitter);

    /// <inheritdoc />
    public override SimDuration NodeReconnectDelay(int failedAttempts) => Client.Settings.Reconnect.Delay(failedAttempts, _reconnectJitter);

    /// <inheritdoc />
    public override void OnConnected() => _retries = 0;

    /// <summary>Reconnects to the node kept at creation; before one was kept, creates the client (asks every node).</summary>
    public override void Begin()
    {
        if (_primary.IsSome)
        {
            Client.ConnectTo(_primary);
            return;
        }

        _creating = true;
        _conflict = false;
        _found = MemberId.None;
        _answers = 0;
        _attempt++;
        for (int i = 0; i < _nodes.Count; i++)
        {
            Client.SendFromClient(_nodes[i], new RoleRequest());
        }

        Client.ScheduleDiscoveryTimer(Client.Settings.ConnectTimeout, this, _attempt);
    }

    /// <summary>During a creation: a node's role, or its refusal (a reset), counts as its answer.</summary>
    public override bool TryHandle(Message message)
    {
        if (!_creating || message is not (RoleReply or ConnectionReset))
        {
            return false;
        }

        _answers++;
        if (message is RoleReply { IsPrimary: true } role)
        {
            // standalone_client.rs create_client: a second role:master is PrimaryConflictFound.
            _conflict |= _found.IsSome;
            _found = role.From;
        }

        if (_answers >= _nodes.Count)
        {
            Decide();
        }

        return true;
    }

    /// <inheritdoc />
    public override void OnHeartbeat()
    {
    }

    void IEventTarget.Fire(long token, object? payload)
    {
        if (_creating && token == _attempt)
        {
            Decide();
        }
    }

    private void Decide()
    {
        _creating = false;
        if (_conflict || !_found.IsSome)
        {
            Client.DiscoveryFailed(_conflict ? "two nodes answered role:master" : "no node answered role:master");
            return;
        }

        _primary = _found;
        Client.ConnectTo(_primary);
    }
}
