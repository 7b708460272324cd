using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// What a Redis Cluster node's bus agent (Model/Cluster) reads from and asks of the node: role changes go through
/// REPLICAOF to itself (the cluster's <c>clusterSetMaster</c> and <c>replicationUnsetMaster</c>, with nodes.conf as the
/// config file), so the node's replication code is the one every path uses.
/// </summary>
public sealed partial class RedisNode
{
    /// <summary>
    /// How long the replica has had no data from its primary: since the last interaction while the link is up, since
    /// the link went down otherwise (<c>clusterHandleSlaveFailover</c>'s data age, docs/sources.md §3.4).
    /// </summary>
    public SimDuration MasterDataAge => IsPrimary ? SimDuration.Zero
        : LinkState == MasterLinkState.Up ? Sim.Now - _lastMasterInteraction : Sim.Now - _linkDownSince;

    /// <summary>
    /// Changes role as the cluster decided, at once: follow <paramref name="master"/>, or become primary (none). Synchronous
    /// as in cluster.c, where the PONG broadcast right after a promotion already announces the new role.
    /// </summary>
    public void ChangeRoleByCluster(MemberId master) => OnReplicaOf(new ReplicaOfCommand(master));

    /// <summary>After a restart: a node whose nodes.conf says primary comes back primary of its slots.</summary>
    public void ResumeConfiguredPrimary()
    {
        if (!_configuredMaster.IsSome)
        {
            IsPrimary = true;
        }
    }

    /// <summary>What the path plugged into the node (a cluster bus agent, a MemoryDB log agent), or null.</summary>
    public INodeExtension? Extension => _options.Extension;

    /// <summary>
    /// <c>CLIENT PAUSE WRITE</c> until <paramref name="until"/> (<c>pauseClients</c> for a cluster manual failover,
    /// docs/sources.md §3.9): client writes wait, in arrival order, until <see cref="UnpauseWrites"/> or that time.
    /// </summary>
    public void PauseWrites(SimTime until)
    {
        _heldWrites ??= new Queue<WriteRequest>();
        _failoverTarget = MemberId.None;
        _failoverDeadline = until;
        RecordState();
    }

    /// <summary><c>unpauseClients</c>: the held writes run now, in the node's role of now (a demoted one answers -MOVED).</summary>
    public void UnpauseWrites()
    {
        if (_heldWrites is not null)
        {
            var held = ReleaseHeldWrites();
            RecordState();
            Drain(held);
        }
    }

    /// <summary>Answers a client write on the node's behalf (the extension's refusals).</summary>
    public void ReplyToWrite(WriteRequest write, ReplyKind kind, MemberId redirectTo) =>
        Send(write.From, new WriteReply(write.WriteId, kind) { Origin = write.Origin, RedirectTo = redirectTo });

    /// <summary>
    /// Answers a write a proxy forwarded with a redirection (a Serverless slot migration, A162), handing the request
    /// back so that the proxy re-sends it where the reply points.
    /// </summary>
    public void RedirectWrite(WriteRequest write, ReplyKind kind, MemberId redirectTo) =>
        Send(write.From, new WriteReply(write.WriteId, kind) { Origin = write.Origin, RedirectTo = redirectTo, Request = write });
}
