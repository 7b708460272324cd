using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>The leader's side: appends, commits, acknowledgements, lease, hand-over.</summary>
public sealed partial class LogNodeAgent
{
    private const int MaxBatch = 4096;

    /// <summary>
    /// ASSUMPTION A40: the leader keeps its entries for a log replica up to this many behind the commit point; one
    /// further behind is sent the leader's snapshot instead (Raft's InstallSnapshot). Memory only: see LogStore.
    /// </summary>
    private const long MaxReplicaLag = 1 << 20;

    private readonly long[] _matchIndex;
    private readonly long[] _nextIndex;
    private readonly bool[] _lagging;
    private readonly SimTime[] _lastAck;
    private readonly long[] _scratch;
    private readonly Queue<(long Index, long WriteId, MemberId Client, SimTime AppliedAt)> _pending = new();
    private bool _bufferExceeded;
    private bool _isLeader;
    private long _term = 1;
    private long _commitIndex;
    private long _termStartIndex;

    // Entries from this index (0-based: the log index after it) on stay in the leader's dataset; below it a lagging
    // replica gets the snapshot. It never exceeds the commit point, so stepping down never cuts into it.
    private long _keepFrom;
    private SimTime _leaderSince;
    private bool _resigning;
    private MemberId _handOverTo = MemberId.None;
    private SimTime _handOverDeadline;

    /// <summary>
    /// A planned failover: stop taking writes, wait until every pending one is committed, give the term up and tell
    /// <paramref name="successor"/> to claim it at once. Returns false when this node does not lead.
    /// </summary>
    public bool BeginHandOver(MemberId successor, SimDuration timeout)
    {
        if (!_isLeader || _resigning)
        {
            return false;
        }

        _resigning = true;
        _handOverTo = successor;
        _handOverDeadline = Now + timeout;
        _node.RefreshState();
        TryCompleteHandOver();
        return true;
    }

    /// <inheritdoc />
    public void OnWriteApplied(WriteRequest write, HistoryEntry entry)
    {
        // The node applied it only because CanAcknowledge held: a leader with its lease (never without a quorum).
        Invariant.Holds(_isLeader && !_resigning);
        long index = LastIndex;
        Invariant.Holds(index == _terms.Count + 1);
        _terms.Add(_term);
        _pending.Enqueue((index, write.WriteId, write.From, Now));
        if (_acknowledgeBeforeLog)
        {
            // Durability async: the client hears OK before any log replica holds the write (docs/sources.md §4.8).
            _node.ReplyToWrite(write, ReplyKind.Ok, MemberId.None);
        }

        var records = new[] { new LogRecord(entry, _term, write.Bytes) };
        for (int m = 0; m < _log.Count; m++)
        {
            if (!_lagging[m] && _nextIndex[m] == index)
            {
                _node.SendAsNode(_log[m].Id, new LogAppend(_term, index - 1, TermAt(index - 1), records, _commitIndex, Now));
                _nextIndex[m] = index + 1;
            }
        }
    }

    private void OnAppendReply(LogAppendReply reply)
    {
        if (reply.Term > _term)
        {
            _knownTerm = Math.Max(_knownTerm, reply.Term);
            if (_isLeader)
            {
                StepDown($"the log moved on to term {reply.Term}");
            }

            return;
        }

        if (!_isLeader || reply.Term != _term)
        {
            return;
        }

        int m = ReplicaIndex(reply.From);

        // The lease counts from when the answered append was sent (a late answer, e.g. one read after SIGCONT, renews nothing new).
        _lastAck[m] = SimTime.Max(_lastAck[m], reply.SentAt);
        if (!reply.Ok)
        {
            _lagging[m] = true;
            _nextIndex[m] = Math.Max(1, Math.Min(_nextIndex[m], reply.ConflictIndex));
            return;
        }

        _matchIndex[m] = Math.Max(_matchIndex[m], reply.MatchIndex);
        if (_nextIndex[m] <= _matchIndex[m])
        {
            _nextIndex[m] = _matchIndex[m] + 1;
        }

        if (_matchIndex[m] >= LastIndex)
        {
            _lagging[m] = false;
            _nextIndex[m] = LastIndex + 1;
        }
        else if (_matchIndex[m] == _nextIndex[m] - 1)
        {
            // It has all that was sent but not all there is (after a probe or a capped batch): repair on the next beat.
            _lagging[m] = true;
        }

        AdvanceCommit();
    }

    /// <summary>Commits up to the highest index a quorum holds (of this term: Raft's rule) and answers those clients.</summary>
    private void AdvanceCommit()
    {
        Array.Copy(_matchIndex, _scratch, _scratch.Length);
        Array.Sort(_scratch);
        long candidate = _scratch[_scratch.Length - _quorum];
        if (candidate <= _commitIndex || candidate < _termStartIndex)
        {
            return;
        }

        Invariant.Holds(ReplicasHolding(candidate) >= _quorum);
        _commitIndex = candidate;
        AdvanceKeepFrom();
        while (_pending.Count > 0 && _pending.Peek().Index <= _commitIndex)
        {
            var (index, writeId, client, _) = _pending.Dequeue();

            // Never acknowledge a write a quorum of the log does not hold (unless it was acknowledged before the log).
            Invariant.Holds(ReplicasHolding(index) >= _quorum);
            if (!_acknowledgeBeforeLog)
            {
                _node.ReplyToWrite(client, writeId, ReplyKind.Ok);
            }
        }

        if (_resigning)
        {
            TryCompleteHandOver();
        }
    }

    /// <summary>Releases what every log replica has (or what one further behind than the lag bound still lacks).</summary>
    private void AdvanceKeepFrom()
    {
        long oldestMatch = long.MaxValue;
        for (int m = 0; m < _matchIndex.Length; m++)
        {
            oldestMatch = Math.Min(oldestMatch, _matchIndex[m]);
        }

        long keepFrom = Math.Min(_commitIndex, Math.Max(oldestMatch, _commitIndex - MaxReplicaLag));
        if (keepFrom > _keepFrom)
        {
            _keepFrom = keepFrom;
            _node.Dataset.KeepFrom = (int)keepFrom;
        }
    }

    private int ReplicasHolding(long index)
    {
        int count = 0;
        for (int m = 0; m < _matchIndex.Length; m++)
        {
            count += _matchIndex[m] >= index ? 1 : 0;
        }

        return count;
    }

    /// <summary>Every log heartbeat: check the lease, repair lagging replicas, heartbeat the others.</summary>
    private void LeaderTick()
    {
        if (!LeaseHeld() && Now - _leaderSince >= _settings.LeaseDuration)
        {
            StepDown("it could not reach a quorum of the log for the whole lease");
            return;
        }

        if (_resigning)
        {
            TryCompleteHandOver();
            if (!_isLeader)
            {
                return;
            }
        }

        for (int m = 0; m < _log.Count; m++)
        {
            if (_lagging[m])
            {
                SendBatch(m);
                continue;
            }

            if (Now - _lastAck[m] > _settings.LogHeartbeat * 2 && _nextIndex[m] - 1 > _matchIndex[m])
            {
                // Silent with appends unconfirmed: stop streaming to it and probe from what it confirmed.
                _nextIndex[m] = _matchIndex[m] + 1;
            }

            long prev = _nextIndex[m] - 1;
            if (prev < _keepFrom)
            {
                // It confirmed less than the leader still holds: repair it with the snapshot now.
                _lagging[m] = true;
                SendBatch(m);
                continue;
            }

            _node.SendAsNode(_log[m].Id, new LogAppend(_term, prev, TermAt(prev), [], _commitIndex, Now));
        }
    }

    private void SendBatch(int m)
    {
        long from = _nextIndex[m];
        LogSnapshot? snapshot = null;
        if (from - 1 < _keepFrom)
        {
            snapshot = new LogSnapshot(_node.Dataset.CopyPrefix((int)_keepFrom), TermAt(_keepFrom));
            from = _keepFrom + 1;
        }

        long last = Math.Min(LastIndex, from + MaxBatch - 1);
        var records = last >= from ? new LogRecord[last - from + 1] : [];
        for (int i = 0; i < records.Length; i++)
        {
            int at = (int)(from - 1) + i;
            var dataset = _node.Dataset;
            long before = at == dataset.FirstHeld ? dataset.EarliestOffset : dataset[at - 1].EndOffset;
            records[i] = new LogRecord(dataset[at], TermAt(at + 1), dataset[at].EndOffset - before);
        }

        _node.SendAsNode(_log[m].Id, new LogAppend(_term, from - 1, TermAt(from - 1), records, _commitIndex, Now, snapshot));
        _nextIndex[m] = last + 1;
    }

    /// <summary>ASSUMPTION A28: the lease holds while a quorum of log replicas answered within the lease duration.</summary>
    private bool LeaseHeld()
    {
        int fresh = 0;
        for (int m = 0; m < _lastAck.Length; m++)
        {
            fresh += Now - _lastAck[m] < _settings.LeaseDuration ? 1 : 0;
        }

        return fresh >= _quorum;
    }

    private void TryCompleteHandOver()
    {
        if (_pending.Count > 0)
        {
            if (Now >= _handOverDeadline)
            {
                _resigning = false;
                _node.RefreshState();
                Emit("failover", $"{_node.Name} gave up the hand-over: writes did not commit in time");
            }

            return;
        }

        for (int m = 0; m < _log.Count; m++)
        {
            _node.SendAsNode(_log[m].Id, new LogResign(_term));
        }

        _node.SendAsNode(_handOverTo, new LogHandOver(_term));
        StepDown($"handed leadership over to {_node.Network.Members[_handOverTo.Value].Name}");
    }

    /// <summary>Leader → follower: writes not known committed are dropped (their clients time out: unknown).</summary>
    private void StepDown(string why)
    {
        _isLeader = false;
        _resigning = false;
        _pending.Clear();
        _terms.TruncateTo(_commitIndex);
        _node.Dataset.KeepFrom = int.MaxValue;
        _node.StepDownToLogFollower((int)_commitIndex, why);
        _lastLogContact = Now;
        _nextPoll = Now;
        _campaignAt = SimTime.MaxValue;
    }
}
