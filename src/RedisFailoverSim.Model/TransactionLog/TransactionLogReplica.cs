using MathNet.Numerics.Distributions;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>
/// One AZ's replica of MemoryDB's Multi-AZ transaction log (docs/sources.md §6). It stores appends durably after its
/// service time (A26) and answers in order; it accepts appends only from the current term's leader and only when
/// they continue its log (so an old primary cut off from the quorum can never commit), keeps one leader per term and
/// refuses a new claim while it still hears from the current leader within the lease (A28), and serves committed
/// records to the followers of its AZ. Its storage survives power loss. Its records are compacted into a snapshot
/// behind what its readers have read (<see cref="LogStore"/>).
/// </summary>
public sealed partial class TransactionLogReplica : Member, IEventTarget, IPoweredService
{
    private const double ServiceSigma = 0.25;

    private readonly LogStore _records;
    private readonly List<(MemberId Follower, long NextIndex)> _followers = [];
    private readonly RandomStream _service;
    private readonly double _serviceMu;
    private readonly bool _hasServiceTime;
    private readonly SimDuration _lease;
    private long _term;
    private MemberId _leader = MemberId.None;
    private SimTime _lastLeaderContact;
    private long _commitIndex;
    private long _lastReplyAt;
    private long _incarnation;

    /// <summary>Creates the log replica of an AZ.</summary>
    /// <param name="network">The network it sits on.</param>
    /// <param name="name">Its member name.</param>
    /// <param name="azIndex">Its AZ.</param>
    /// <param name="serviceTime">The median time to make an append durable (A26).</param>
    /// <param name="lease">The leader's lease (A28).</param>
    /// <param name="service">Its stream for service times.</param>
    /// <param name="stamps">The run's stamps (for the snapshot's dataset).</param>
    /// <param name="keepEveryEntry">True when the run keeps the exact ledger: the snapshot then keeps every entry.</param>
    public TransactionLogReplica(SimNetwork network, string name, int azIndex, SimDuration serviceTime, SimDuration lease, RandomStream service, StampSource stamps, bool keepEveryEntry)
        : base(network, name, azIndex)
    {
        _records = new LogStore(stamps, keepEveryEntry);
        _service = service;
        _hasServiceTime = serviceTime.Nanoseconds > 0;
        _serviceMu = _hasServiceTime ? Math.Log(serviceTime.TotalSeconds) : 0;
        _lease = lease;
    }

    /// <summary>Records held.</summary>
    public long LastIndex => _records.LastIndex;

    /// <summary>Records held after the snapshot (bounded: what memory the log takes).</summary>
    public int HeldRecords => _records.HeldRecords;

    /// <summary>The highest index this replica knows is committed.</summary>
    public long CommitIndex => _commitIndex;

    /// <summary>The current term.</summary>
    public long Term => _term;

    /// <summary>Starts in term 1 with <paramref name="leader"/> as leader and an empty log.</summary>
    public void Boot(MemberId leader)
    {
        _term = 1;
        _leader = leader;
        _lastLeaderContact = Sim.Now;
    }

    /// <inheritdoc />
    public void PowerOff()
    {
        _incarnation++;
        SetHost(HostState.PoweredOff);
    }

    /// <inheritdoc />
    public void PowerOn()
    {
        _followers.Clear();
        Array.Clear(_inboundFreeAt);
        SetHost(HostState.Up);
    }

    /// <inheritdoc />
    protected internal override void Receive(Message message)
    {
        if (_inboundFreeAt.Length > 0 && HoldsBack(message))
        {
            return;
        }

        Process(message);
    }

    private void Process(Message message)
    {
        if (_dropRate > 0 && message is LogAppend && _gray!.NextDouble() < _dropRate)
        {
            // A brown-out of the log service: this append is never stored nor answered (A168).
            AppendsDropped++;
            return;
        }

        switch (message)
        {
            case LogAppend append:
                OnAppend(append);
                break;
            case LogRead read:
                OnRead(read);
                break;
            case LogClaim claim:
                OnClaim(claim);
                break;
            case LogResign resign:
                if (resign.Term == _term && resign.From == _leader)
                {
                    _leader = MemberId.None;
                }

                break;
            default:
                Invariant.Fail("unexpected message at a log replica: " + message.Describe());
                break;
        }
    }

    void IEventTarget.Fire(long token, object? payload)
    {
        if (token != _incarnation || Host != HostState.Up)
        {
            return;
        }

        if (payload is DelayedArrival arrival)
        {
            // A message whose segment was lost, delivered by TCP's retransmission (A166).
            Process(arrival.Message);
            return;
        }

        var reply = (Message)payload!;
        Send(reply.To, reply);
    }

    private void OnAppend(LogAppend append)
    {
        if (append.Term < _term)
        {
            ReplyLater(append.From, new LogAppendReply(_term, ok: false, matchIndex: 0, conflictIndex: 0, append.SentAt), durable: false);
            return;
        }

        _term = append.Term;
        _leader = append.From;
        _lastLeaderContact = Sim.Now;
        long commitBefore = _commitIndex;
        if (append.Snapshot is { } snapshot && _records.Install(snapshot))
        {
            // The snapshot is the leader's committed prefix.
            _commitIndex = Math.Max(_commitIndex, snapshot.Index);
        }

        // A committed prefix (the snapshot) matches every leader's log; only records after it are checked.
        if (append.PrevIndex > LastIndex || (append.PrevIndex > _records.SnapshotIndex && TermAt(append.PrevIndex) != append.PrevTerm))
        {
            // A gap (appends lost on a cut link) or a record of another leader: resend from what is known committed.
            long conflict = Math.Min(append.PrevIndex, Math.Min(LastIndex, _commitIndex) + 1);
            ReplyLater(append.From, new LogAppendReply(_term, ok: false, matchIndex: 0, conflictIndex: Math.Max(1, conflict), append.SentAt), durable: false);
            return;
        }

        var records = append.Records;
        for (int i = 0; i < records.Length; i++)
        {
            long index = append.PrevIndex + 1 + i;
            if (index <= _records.SnapshotIndex)
            {
                continue;
            }

            if (index <= LastIndex)
            {
                if (_records.RecordAt(index).Term == records[i].Term)
                {
                    continue;
                }

                // A record no quorum committed, from a deposed leader: replaced. Committed records never are.
                Invariant.Holds(index > _commitIndex);
                _records.TruncateFrom(index);
            }

            _records.Add(records[i]);
        }

        long match = Math.Max(append.PrevIndex + records.Length, _records.SnapshotIndex);
        long commit = Math.Min(append.CommitIndex, match);
        _commitIndex = Math.Max(_commitIndex, commit);
        if (_commitIndex > commitBefore)
        {
            PushToFollowers();
            _records.Fold(_commitIndex, OldestFollowerNext());
        }

        ReplyLater(append.From, new LogAppendReply(_term, ok: true, matchIndex: match, conflictIndex: 0, append.SentAt), durable: records.Length > 0 || append.Snapshot is not null);
    }

    private void OnClaim(LogClaim claim)
    {
        bool leaderAlive = _leader.IsSome && Sim.Now - _lastLeaderContact < _lease;
        bool grant = claim.Term > _term && (!leaderAlive || claim.HandOver);
        if (!grant || claim.PreVote)
        {
            ReplyLater(claim.From, new LogClaimReply(_term, claim.PreVote, grant, LastIndex, TermAt(LastIndex), claim.FromIndex, [], null), durable: false);
            return;
        }

        _term = claim.Term;
        _leader = claim.From;
        _lastLeaderContact = Sim.Now;
        var (snapshot, from, tail) = _records.Read(Math.Max(1, claim.FromIndex), LastIndex);
        ReplyLater(claim.From, new LogClaimReply(_term, preVote: false, granted: true, LastIndex, TermAt(LastIndex), from, tail, snapshot), durable: true);
    }

    private void OnRead(LogRead read)
    {
        int slot = FollowerSlot(read.From);
        long upTo = Math.Min(_commitIndex, LastIndex);
        _followers[slot] = (read.From, Math.Max(Math.Max(1, read.FromIndex), upTo + 1));
        var silence = _leader.IsSome ? Sim.Now - _lastLeaderContact : SimDuration.MaxValue;
        var (snapshot, from, records) = _records.Read(Math.Max(1, read.FromIndex), upTo);
        Send(read.From, new LogEntries(_term, from, records, _commitIndex, silence, snapshot));
    }

    /// <summary>Sends every follower of this AZ the records that became committed.</summary>
    private void PushToFollowers()
    {
        long upTo = Math.Min(_commitIndex, LastIndex);
        for (int i = 0; i < _followers.Count; i++)
        {
            var (follower, next) = _followers[i];
            if (next <= upTo)
            {
                var (snapshot, from, records) = _records.Read(next, upTo);
                Send(follower, new LogEntries(_term, from, records, _commitIndex, SimDuration.Zero, snapshot));
                _followers[i] = (follower, upTo + 1);
            }
        }
    }

    private long OldestFollowerNext()
    {
        long oldest = long.MaxValue;
        for (int i = 0; i < _followers.Count; i++)
        {
            oldest = Math.Min(oldest, _followers[i].NextIndex);
        }

        return oldest;
    }

    private int FollowerSlot(MemberId follower)
    {
        for (int i = 0; i < _followers.Count; i++)
        {
            if (_followers[i].Follower == follower)
            {
                return i;
            }
        }

        _followers.Add((follower, 1));
        return _followers.Count - 1;
    }

    /// <summary>Answers in arrival order; an answer that makes records durable waits the log's service time (A26).</summary>
    private void ReplyLater(MemberId to, Message reply, bool durable)
    {
        long done = Sim.Now.Nanoseconds;
        if (durable && _hasServiceTime)
        {
            done += SimDuration.FromSecondsRounded(LogNormal.Sample(_service, _serviceMu, ServiceSigma)).Nanoseconds;
        }

        // A slow member or a brown-out answers later (A167, A168); a lost answer is resent after the RTO (A166).
        done += _extraAnswerDelay + (_lossRate > 0 ? LossPenalty() : 0);

        done = Math.Max(done, _lastReplyAt + 1);
        _lastReplyAt = done;
        reply.To = to;
        Sim.ScheduleAt(new SimTime(done), this, _incarnation, reply);
    }

    private long TermAt(long index) => _records.TermAt(index);
}
