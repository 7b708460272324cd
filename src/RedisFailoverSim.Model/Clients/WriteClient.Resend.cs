using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// At-least-once re-send (<see cref="Specs.ClientSettings.InFlightOnDrop"/>, assumption A46): the commands in flight on
/// a connection that closed are kept, with the timeout they had, and sent first on the next connection, as Lettuce's
/// auto-reconnect replays its command buffer and ioredis's <c>autoResendUnfulfilledCommands</c> does. A command the
/// old node had applied, or applies later from its socket buffer (a paused primary that resumes), is applied twice:
/// the ledger counts it as duplicated (<see cref="WriteLedger.Resent"/>).
/// </summary>
public sealed partial class WriteClient
{
    // Re-sent writes not yet answered: only a reply from the node connected now counts (assumption A50).
    private readonly HashSet<long> _resentUnanswered = [];

    /// <summary>Sends, before anything queued later, the commands kept from closed connections.</summary>
    private void ResendInFlight(MemberId node)
    {
        int sent = 0;
        while (_resend.Count > 0)
        {
            var write = _resend.Dequeue();
            if (!_ledger.IsPending(write.WriteId))
            {
                continue;
            }

            _ledger.Resent(write.WriteId);
            _resentUnanswered.Add(write.WriteId);
            SendWrite(write.WriteId, write.Deadline);
            sent++;
        }

        if (sent > 0)
        {
            _recorder.Event(Name, "client", $"{Name} re-sent {sent} commands that were in flight on its closed connection to {Network.Members[node.Value].Name} (at least once)");
        }
    }

    /// <summary>
    /// ASSUMPTION A50: a reply to a re-sent write counts only from the node the client is connected to now; one from
    /// another node answers the copy on the closed connection, which the client no longer reads. From the same node
    /// the first reply counts, whichever copy it answers (the node applied the write either way).
    /// </summary>
    private bool IgnoresReply(WriteReply reply)
    {
        if (_resentUnanswered.Count == 0 || !_resentUnanswered.Contains(reply.WriteId))
        {
            return false;
        }

        if (reply.From != _target)
        {
            return true;
        }

        _resentUnanswered.Remove(reply.WriteId);
        return false;
    }

    /// <summary>Forgets re-sent writes resolved otherwise (timed out, flushed): called on the heartbeat.</summary>
    private void PruneResent()
    {
        if (_resentUnanswered.Count > 0)
        {
            _resentUnanswered.RemoveWhere(id => !_ledger.IsPending(id));
        }
    }

    /// <summary>The commands kept for re-send give up: they had been sent once, so their outcome is unknown.</summary>
    private void FailKeptForResend()
    {
        while (_resend.Count > 0)
        {
            _ledger.Resolve(_resend.Dequeue().WriteId, WriteOutcome.Unknown, Sim.Now);
        }
    }
}
