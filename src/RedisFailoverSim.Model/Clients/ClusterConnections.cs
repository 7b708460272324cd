using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// One scenario client's connections to a Redis Cluster, one per shard (ASSUMPTION A82), as the one StackExchange.Redis
/// multiplexer they stand for sees them. A write whose slot's connection is down goes to <c>Any</c> primary: the
/// multiplexer walks every server it knows, in the order it learnt them (its configured endpoints first, here the
/// nodes in node order), from an offset it increments on every call and first set at random, and takes the first
/// primary whose connection is up (<c>ServerSelectionStrategy.Any</c>, <c>ConnectionMultiplexer.AnyServer</c>,
/// <c>ServerEndPoint.IsSelectable</c>: <c>PhysicalBridge.IsConnected</c>; docs/sources.md §3.16, assumption A118).
/// </summary>
public sealed class ClusterConnections
{
    private readonly IReadOnlyList<MemberId> _servers;
    private readonly List<ClusterShardDiscovery> _shards = [];
    private uint _anyOffset;

    /// <summary>Creates the set for one scenario client.</summary>
    /// <param name="servers">The servers the multiplexer knows, in the order it learnt them.</param>
    /// <param name="firstOffset">The walk's first offset (StackExchange.Redis draws it at random).</param>
    public ClusterConnections(IReadOnlyList<MemberId> servers, uint firstOffset)
    {
        _servers = servers;
        _anyOffset = firstOffset;
    }

    /// <summary>Adds a shard's connection (its discovery, which knows the connection once attached).</summary>
    internal void Add(ClusterShardDiscovery shard) => _shards.Add(shard);

    /// <summary>
    /// The first server, from the next offset on, that <paramref name="owners"/> names a primary and that one of the
    /// client's connections is connected to (state connected: the role check answered); none when no primary's
    /// connection is up.
    /// </summary>
    public MemberId ConnectedPrimary(IReadOnlyList<MemberId> owners)
    {
        // Interlocked.Increment: the walk starts at the incremented offset; unsigned, so it wraps as the library's does.
        uint start = unchecked(++_anyOffset);
        uint count = (uint)_servers.Count;
        for (uint i = 0; i < count; i++)
        {
            var server = _servers[(int)(unchecked(i + start) % count)];
            if (Contains(owners, server) && IsConnected(server))
            {
                return server;
            }
        }

        return MemberId.None;
    }

    private bool IsConnected(MemberId server)
    {
        foreach (var shard in _shards)
        {
            var connection = shard.Connection;
            if (connection.State == ClientConnectionState.Connected && connection.Target == server)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<MemberId> owners, MemberId server)
    {
        for (int i = 0; i < owners.Count; i++)
        {
            if (owners[i] == server)
            {
                return true;
            }
        }

        return false;
    }
}
