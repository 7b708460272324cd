using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// How a Redis Cluster client finds the node serving one shard's slots: it asks a node it knows for
/// <c>CLUSTER SLOTS</c> and connects to the owner the answer names, trying the next known node when one does not
/// answer within the connect timeout. A -MOVED moves the connection directly (<c>WriteClient.Cluster.cs</c>).
/// ASSUMPTION A82: a cluster client keeps one connection per shard, each with its own share of the writes; the model
/// runs it as one <see cref="WriteClient"/> per shard, so a shard's failover stalls only that shard's writes.
/// ASSUMPTION A174: every <see cref="Specs.ClientSettings.TopologyRefresh"/> (StackExchange.Redis's
/// <c>ConfigCheckSeconds</c>, 60 s, docs/sources.md §3.19) a connected shard connection asks the node it is connected to
/// for <c>CLUSTER SLOTS</c>, on the heartbeat as the library's check runs; the answer becomes the client's slot map and,
/// naming another owner for the shard, moves the shard's connection there as a -MOVED would.
/// </summary>
public sealed class ClusterShardDiscovery : ClientDiscovery
{
    private readonly IReadOnlyList<MemberId> _seeds;
    private readonly int _shard;
    private readonly RandomStream _retryJitter;
    private readonly ClusterConnections _connections;
    private int _next;
    private long _attempt;
    private SimTime _askedAt;
    private bool _waiting;
    private int _retries;
    private MemberId[] _owners = [];
    private SimTime _checkedAt;
    private long _refreshes;

    /// <summary>Creates the strategy for <paramref name="shard"/>.</summary>
    /// <param name="seeds">The nodes the client knows (its startup nodes), asked in turn.</param>
    /// <param name="shard">The shard whose slots this connection serves.</param>
    /// <param name="firstSeed">Which seed to ask first (spreads clients over the nodes).</param>
    /// <param name="retryJitter">The client's own stream for reconnect delays.</param>
    /// <param name="connections">The scenario client's connections to every shard, this one among them.</param>
    public ClusterShardDiscovery(IReadOnlyList<MemberId> seeds, int shard, int firstSeed, RandomStream retryJitter, ClusterConnections connections)
    {
        _seeds = seeds;
        _shard = shard;
        _next = firstSeed % seeds.Count;
        _retryJitter = retryJitter;
        _connections = connections;
        connections.Add(this);
    }

    /// <summary>The shard's connection this strategy serves.</summary>
    internal WriteClient Connection => Client;

    /// <inheritdoc />
    public override void Begin() => Ask();

    /// <inheritdoc />
    public override bool TryHandle(Message message)
    {
        if (message is not ClusterSlotsReply reply)
        {
            return false;
        }

        _owners = reply.Owners;
        if (reply.Attempt < 0)
        {
            AdoptRefreshed(reply);
            return true;
        }

        if (_waiting && reply.Attempt == _attempt)
        {
            _waiting = false;
            Client.ConnectTo(reply.Owners[_shard]);
        }

        return true;
    }

    /// <summary>The owners the last CLUSTER SLOTS answer named, by shard (empty before the first answer).</summary>
    internal IReadOnlyList<MemberId> Owners => _owners;

    /// <summary>How many periodic CLUSTER SLOTS questions this connection has sent.</summary>
    internal long Refreshes => _refreshes;

    /// <summary>A node that did not answer within the connect timeout: ask the next one.</summary>
    public override void OnHeartbeat()
    {
        if (_waiting && Client.Network.Simulation.Now - _askedAt >= Client.Settings.ConnectTimeout)
        {
            _waiting = false;
            Client.DiscoveryFailed("no CLUSTER SLOTS answer");
        }

        RefreshIfDue();
    }

    /// <summary>
    /// A primary in the last CLUSTER SLOTS answer that one of the scenario client's connections is connected to, in
    /// StackExchange.Redis's order (<see cref="ClusterConnections.ConnectedPrimary"/>); none before the first answer or
    /// when no primary's connection is up.
    /// </summary>
    public MemberId ConnectedPrimary() => _connections.ConnectedPrimary(_owners);

    /// <summary>The client found the owner by a -MOVED: a CLUSTER SLOTS question still out is not acted on.</summary>
    public void Settled() => _waiting = false;

    /// <inheritdoc />
    public override SimDuration RetryDelay() => Client.Settings.Reconnect.Delay(_retries++, _retryJitter);

    /// <inheritdoc />
    public override void OnConnected()
    {
        _retries = 0;
        _checkedAt = Client.Network.Simulation.Now;
    }

    /// <summary>
    /// StackExchange.Redis's heartbeat re-checks a connected server once <c>ConfigCheckSeconds</c> have passed since its
    /// last check (PhysicalBridge.OnHeartbeat, docs/sources.md §3.19); the model asks for CLUSTER SLOTS (A174). Refresh
    /// questions count down from -1, so their answers never match a discovery question's number.
    /// </summary>
    private void RefreshIfDue()
    {
        var now = Client.Network.Simulation.Now;
        if (Client.State != ClientConnectionState.Connected || Client.Settings.TopologyRefresh >= Specs.ClientSettings.Never
            || now - _checkedAt < Client.Settings.TopologyRefresh)
        {
            return;
        }

        _checkedAt = now;
        _refreshes++;
        Client.SendFromClient(Client.Target, new ClusterSlotsRequest { Attempt = -_refreshes });
    }

    /// <summary>
    /// A periodic answer: the map is already adopted; a shard whose owner changed moves its connection there (a
    /// connection still being set up, or one the answer does not come from, is left to discovery and -MOVED).
    /// </summary>
    private void AdoptRefreshed(ClusterSlotsReply reply)
    {
        var owner = reply.Owners[_shard];
        if (Client.State != ClientConnectionState.Connected || reply.From != Client.Target || owner == Client.Target || !owner.IsSome)
        {
            return;
        }

        Client.TopologyChanged(owner);
    }

    private void Ask()
    {
        _attempt++;
        _waiting = true;
        _askedAt = Client.Network.Simulation.Now;
        var seed = _seeds[_next];
        _next = (_next + 1) % _seeds.Count;
        Client.SendFromClient(seed, new ClusterSlotsRequest { Attempt = _attempt });
    }
}
