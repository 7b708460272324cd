using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// A Redis Cluster client's redirections (docs/sources.md §3.2): -MOVED names the node serving the slot; the client
/// moves its connection for the slot there and sends the write again. The write was not applied, so resending never
/// duplicates it. -CLUSTERDOWN is an error reply with its own action (<see cref="Specs.ClientSettings.OnClusterDown"/>),
/// retried when <see cref="Specs.ClientSettings.RetryOn"/> lists it. With <see cref="UnconnectedSlot.AnyPrimary"/> a write issued while the shard's connection is
/// down goes to a primary another of the client's connections is connected to, and that node's answer decides
/// (StackExchange.Redis, docs/sources.md §3.11, §3.16, assumption A118).
/// </summary>
public sealed partial class WriteClient
{
    /// <summary>
    /// ASSUMPTION A81: a write follows at most 5 redirections and then fails; the number is the model's (cluster clients
    /// cap redirections so a slot map in flux cannot loop a command forever; their limits differ).
    /// </summary>
    private const int MaxRedirections = 5;

    private readonly Dictionary<long, int> _redirections = [];

    // Writes sent to another shard's primary while this shard's connection was down, in deadline order; an id leaves
    // the set when its -MOVED re-routes it (its entry in the queue is then skipped).
    private readonly Queue<InFlightWrite> _viaOther = new();
    private readonly HashSet<long> _viaOtherIds = [];

    /// <summary>
    /// StackExchange.Redis's <c>ServerSelectionStrategy.Select</c>: the slot's server is not selectable (its connection is
    /// down), so the write goes to <c>Any</c> primary whose connection is up (A118, docs/sources.md §3.16). False when
    /// none is: the library then selects the slot's own server allowing a disconnected one, and the write waits on its
    /// backlog (<c>QueueWhileDisconnected</c>), as any write issued while disconnected does here.
    /// </summary>
    private bool TrySendViaOtherPrimary(long writeId)
    {
        if (_settings.UnconnectedSlot != UnconnectedSlot.AnyPrimary || _discovery is not ClusterShardDiscovery cluster)
        {
            return false;
        }

        var via = cluster.ConnectedPrimary();
        if (!via.IsSome)
        {
            return false;
        }

        var deadline = SentDeadline(writeId);
        _viaOther.Enqueue(new InFlightWrite(writeId, deadline));
        _viaOtherIds.Add(writeId);
        Send(via, new WriteRequest(writeId, _writeBytes) { Slot = Slot });
        ArmTimeoutTimer(deadline);
        return true;
    }

    /// <summary>A write sent to another primary that got no answer by its timeout: unknown, as any sent write.</summary>
    private void ExpireViaOther()
    {
        while (_viaOther.Count > 0)
        {
            var write = _viaOther.Peek();
            if (!_viaOtherIds.Contains(write.WriteId) || !_ledger.IsPending(write.WriteId))
            {
                _viaOther.Dequeue();
                _viaOtherIds.Remove(write.WriteId);
                continue;
            }

            if (write.Deadline > Sim.Now)
            {
                return;
            }

            _viaOther.Dequeue();
            _viaOtherIds.Remove(write.WriteId);
            _ledger.Resolve(write.WriteId, WriteOutcome.Unknown, Sim.Now);
        }
    }

    private void OnMoved(WriteReply reply)
    {
        if (!_ledger.IsPending(reply.WriteId))
        {
            return;
        }

        _redirections.TryGetValue(reply.WriteId, out int done);
        if (done >= MaxRedirections || !reply.RedirectTo.IsSome)
        {
            _redirections.Remove(reply.WriteId);
            _ledger.Resolve(reply.WriteId, WriteOutcome.Failed, Sim.Now);
            return;
        }

        _redirections[reply.WriteId] = done + 1;
        if (_viaOtherIds.Remove(reply.WriteId))
        {
            OnMovedViaOther(reply);
            return;
        }

        if (reply.From == _target && reply.RedirectTo != _target)
        {
            // The slot map changed: the connection for this slot goes to the node named (a new connection, so its
            // role is checked as any connection's is).
            _recorder.Event(Name, "client", $"{Name} got -MOVED from {Network.Members[reply.From.Value].Name}: the slot is {Network.Members[reply.RedirectTo.Value].Name}'s");
            ConnectTo(reply.RedirectTo);
        }

        SendOrQueue(reply.WriteId);
    }

    /// <summary>
    /// <c>TryResend</c> on the -MOVED of a write sent to another primary: the write goes to the node named, on that node's
    /// connection. Named the node whose connection is down (the shard's last node, <c>_queueNode</c>), it waits on that
    /// node's backlog for its reconnect or its timeout (selectable "allowing disconnected", A36); named another node (a
    /// new owner), the shard's connection moves there and the write follows.
    /// </summary>
    private void OnMovedViaOther(WriteReply reply)
    {
        var named = reply.RedirectTo;
        var lost = _queueNode.IsSome ? _queueNode : _target;
        bool connectedToNamed = State == ClientConnectionState.Connected && _target == named;
        if (named == lost && !connectedToNamed)
        {
            _backlog.Enqueue(new QueuedWrite(reply.WriteId, named));
            ArmTimeoutTimer(BacklogDeadline(reply.WriteId));
            return;
        }

        if (!connectedToNamed && !(State == ClientConnectionState.Connecting && _target == named))
        {
            _recorder.Event(Name, "client", $"{Name} got -MOVED from {Network.Members[reply.From.Value].Name}: the slot is {Network.Members[named.Value].Name}'s");
            (_discovery as ClusterShardDiscovery)?.Settled();
            ConnectTo(named);
        }

        if (State == ClientConnectionState.Connected)
        {
            SendWrite(reply.WriteId);
        }
        else
        {
            _backlog.Enqueue(new QueuedWrite(reply.WriteId, named));
            ArmTimeoutTimer(BacklogDeadline(reply.WriteId));
        }
    }

    /// <summary>
    /// The periodic CLUSTER SLOTS answer names <paramref name="owner"/> for this connection's shard (A174): the
    /// connection moves there as on a -MOVED (a new connection, its role checked).
    /// </summary>
    internal void TopologyChanged(MemberId owner)
    {
        _recorder.Event(Name, "client", $"{Name} refreshed the slot map from {Network.Members[_target.Value].Name}: the slot is {Network.Members[owner.Value].Name}'s");
        ConnectTo(owner);
    }

    private void SendOrQueue(long writeId)
    {
        if (State == ClientConnectionState.Connected)
        {
            SendWrite(writeId);
        }
        else
        {
            _backlog.Enqueue(new QueuedWrite(writeId, MemberId.None));
        }
    }
}
