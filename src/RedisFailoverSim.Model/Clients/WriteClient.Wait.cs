using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// <c>workload.wait</c> (docs/sources.md §16.4): after every Nth write the client sends WAIT (or WAITAOF) on the same
/// connection. Replies on a connection come in order, so the writes acknowledged there since the last WAIT answer are
/// exactly those the next answer covers; each gets that answer's verdict in the ledger (confirmed or short). Writes
/// whose connection closes before the answer get none.
/// </summary>
public sealed partial class WriteClient
{
    private readonly List<(long WriteId, long Stamp, MemberId Node)> _ackedBeforeWait = [];
    private int _writesSinceWait;
    private long _waitsSent;

    /// <summary>After a fresh write was sent: every Nth one is followed by WAIT on the same connection.</summary>
    private void AfterWriteSent()
    {
        if (_workload.Wait is not { } wait || ++_writesSinceWait < wait.Every)
        {
            return;
        }

        _writesSinceWait = 0;
        Send(_target, new WaitRequest(++_waitsSent, wait.NumReplicas, wait.Timeout) { Aof = wait.Aof, NumLocal = wait.NumLocal });
    }

    /// <summary>A write's success reply, before it resolves: remembered for the WAIT answer that follows it.</summary>
    private long StampBeforeAck(WriteReply reply) =>
        _workload.Wait is null ? Redis.WriteStamp.None : _ledger.PendingStamp(reply.WriteId);

    private void Acknowledged(WriteReply reply, long stamp)
    {
        if (_workload.Wait is not null && stamp != Redis.WriteStamp.None)
        {
            _ackedBeforeWait.Add((reply.WriteId, stamp, reply.From));
        }
    }

    private void OnWaitReply(WaitReply reply)
    {
        var wait = _workload.Wait!;
        bool confirmed = reply.Error is null && reply.Replicas >= wait.NumReplicas && reply.Local >= wait.NumLocal;
        for (int i = 0; i < _ackedBeforeWait.Count; i++)
        {
            if (_ackedBeforeWait[i].Node == reply.From)
            {
                _ledger.WaitAnswered(_ackedBeforeWait[i].WriteId, _ackedBeforeWait[i].Stamp, confirmed);
            }
        }

        int kept = 0;
        for (int i = 0; i < _ackedBeforeWait.Count; i++)
        {
            if (_ackedBeforeWait[i].Node != reply.From)
            {
                _ackedBeforeWait[kept++] = _ackedBeforeWait[i];
            }
        }

        _ackedBeforeWait.RemoveRange(kept, _ackedBeforeWait.Count - kept);
    }

    /// <summary>The connection closed: a WAIT sent on it will not be answered, and a new one covers no earlier write.</summary>
    private void ForgetWaits()
    {
        _ackedBeforeWait.Clear();
        _writesSinceWait = 0;
    }
}
