using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// A Redis Cluster client's redirections (docs/sources.md §3.2): -MOVED names the node serving the slot; the client
/// moves its connection for the slot there and sends the write again. The write was not applied, so resending never
/// duplicates it. -CLUSTERDOWN is an ordinary error reply (retried when <see cref="Specs.ClientSettings.RetryOn"/>
/// lists other errors).
/// </summary>
public sealed partial class WriteClient
{
    /// <summary>
    /// ASSUMPTION A81: a write follows at most 5 redirections and then fails; the number is the model's (cluster clients
    /// cap redirections so a slot map in flux cannot loop a command forever; their limits differ).
    /// </summary>
    private const int MaxRedirections = 5;

    private readonly Dictionary<long, int> _redirections = [];

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
        if (reply.From == _target && reply.RedirectTo != _target)
        {
            // The slot map changed: the connection for this slot goes to the node named (a new connection, so its
            // role is checked as any connection's is).
            _recorder.Event(Name, "client", $"{Name} got -MOVED from {Network.Members[reply.From.Value].Name}: the slot is {Network.Members[reply.RedirectTo.Value].Name}'s");
            ConnectTo(reply.RedirectTo);
        }

        if (State == ClientConnectionState.Connected)
        {
            SendWrite(reply.WriteId);
        }
        else
        {
            _backlog.Enqueue(new QueuedWrite(reply.WriteId, MemberId.None));
        }
    }
}
