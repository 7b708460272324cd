using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>The follower's side: reading committed records, noticing a lapsed lease, claiming leadership.</summary>
public sealed partial class LogNodeAgent
{
    private static readonly SimDuration FollowerPollPeriod = SimDuration.FromSeconds(1);
    private static readonly SimDuration ClaimTimeout = SimDuration.FromSeconds(1);
    private static readonly SimTime Never = new(long.MinValue / 2);

    private readonly bool[] _granted;
    private SimTime _nextPoll;
    private SimTime _lastLogContact;
    private SimTime _campaignAt = SimTime.MaxValue;
    private bool _restoring;
    private SimTime _restoredAt;
    private long _claimTerm;
    private bool _preVoting;
    private bool _narratedLapse;
    private bool _handingOver;
    private int _grants;
    private LogClaimReply? _best;
    private SimTime _claimDeadline = SimTime.MaxValue;

    private void FollowerTick()
    {
        if (_restoring)
        {
            if (Now < _restoredAt)
            {
                return;
            }

            _restoring = false;
            _nextPoll = Now;
        }

        if (IsClaiming && Now >= _claimDeadline)
        {
            _claimDeadline = SimTime.MaxValue;
            if (!_preVoting)
            {
                Emit("election", $"{_node.Name} got no quorum for term {_claimTerm}");
            }
        }

        if (!IsClaiming && Now >= _campaignAt)
        {
            StartClaim(handOver: false);
        }

        if (Now >= _nextPoll)
        {
            _nextPoll = Now + FollowerPollPeriod;
            _node.SendAsNode(_log[_node.AzIndex].Id, new LogRead(LastIndex + 1));
        }

        if (_node.LinkState == MasterLinkState.Up && Now - _lastLogContact > FollowerPollPeriod * 3)
        {
            _node.SetLogLink(MasterLinkState.Down);
        }
    }

    /// <summary>Applies committed records in order; watches the lease (A28).</summary>
    private void OnEntries(LogEntries entries)
    {
        if (_isLeader || _restoring)
        {
            return;
        }

        _lastLogContact = Now;
        _knownTerm = Math.Max(_knownTerm, entries.Term);
        if (entries.Snapshot is { } snapshot && snapshot.Index > LastIndex)
        {
            LoadSnapshot(snapshot);
        }

        var records = entries.Records;
        for (int i = 0; i < records.Length; i++)
        {
            long index = entries.FromIndex + i;
            if (index == LastIndex + 1)
            {
                Invariant.Holds(index <= entries.CommitIndex);
                _node.ApplyFromLog(records[i].Entry);
                _terms.Add(records[i].Term);
            }
        }

        _node.SetLogLink(MasterLinkState.Up);
        if (entries.LeaderSilence < _settings.LeaseDuration)
        {
            _campaignAt = SimTime.MaxValue;
            _narratedLapse = false;
        }
        else if (_campaignAt == SimTime.MaxValue && !IsClaiming)
        {
            var jitter = SimDuration.FromSecondsRounded(_jitter.NextDouble() * _settings.ElectionJitter.TotalSeconds);
            _campaignAt = Now + _settings.ElectionDelay + jitter;

            // The claim goes at its jittered instant, not at the next 100 ms heartbeat tick: on the tick, followers
            // that read the lapse at the same instant (their reads keep the phase of the boot) claimed in the same
            // tick about one time in ten and split a two-replica quorum (docs/sources.md §6.1).
            StartCampaign(_campaignAt);
            if (!_narratedLapse)
            {
                _narratedLapse = true;
                Emit("election", $"{_node.Name} has seen no leader for {Format(entries.LeaderSilence)}: the lease lapsed, it will claim leadership");
            }
        }
    }

    /// <summary>
    /// Starts the process that claims at <paramref name="at"/>. A method of its own: in <see cref="OnEntries"/> the
    /// lambda's closure was allocated on every call, i.e. for every batch of log records a follower read.
    /// </summary>
    private void StartCampaign(SimTime at) => _simulation.Start(_node.Name + "/campaign", _ => CampaignAt(at));

    /// <summary>Claims at <paramref name="at"/> unless the lapse ended, a claim began or the node stopped meanwhile.</summary>
    private IEnumerable<Wait> CampaignAt(SimTime at)
    {
        yield return Wait.For(at - Now);
        if (_campaignAt == at && !IsClaiming && !_isLeader && !_restoring && _node.Host == HostState.Up)
        {
            StartClaim(handOver: false);
        }
    }

    private void OnHandOver(LogHandOver handOver)
    {
        if (!_isLeader && !_restoring && !IsClaiming)
        {
            _knownTerm = Math.Max(_knownTerm, handOver.Term);
            StartClaim(handOver: true);
        }
    }

    /// <summary>A claim starts with a pre-vote, except a hand-over, which the old leader asked for.</summary>
    private void StartClaim(bool handOver)
    {
        _campaignAt = SimTime.MaxValue;
        _claimTerm = Math.Max(_knownTerm, _term) + 1;
        _handingOver = handOver;
        _claimDeadline = Now + ClaimTimeout;
        SendClaims(preVote: !handOver);
    }

    private void SendClaims(bool preVote)
    {
        _preVoting = preVote;
        _grants = 0;
        _best = null;
        Array.Clear(_granted);
        if (!preVote)
        {
            _knownTerm = Math.Max(_knownTerm, _claimTerm);
            Emit("election", $"{_node.Name} claims leadership of the log for term {_claimTerm}{(_handingOver ? " (hand-over)" : "")}");
        }

        for (int m = 0; m < _log.Count; m++)
        {
            _node.SendAsNode(_log[m].Id, new LogClaim(_claimTerm, LastIndex + 1, _handingOver, preVote));
        }
    }

    private void OnClaimReply(LogClaimReply reply)
    {
        _knownTerm = Math.Max(_knownTerm, reply.Term);
        if (!IsClaiming || !reply.Granted || _isLeader || reply.PreVote != _preVoting)
        {
            return;
        }

        if (_preVoting)
        {
            int p = ReplicaIndex(reply.From);
            _grants += _granted[p] ? 0 : 1;
            _granted[p] = true;
            if (_grants >= _quorum)
            {
                SendClaims(preVote: false);
            }

            return;
        }

        if (reply.Term != _claimTerm)
        {
            return;
        }

        int m = ReplicaIndex(reply.From);
        if (_granted[m])
        {
            return;
        }

        _granted[m] = true;
        _grants++;
        if (_best is null || reply.LastTerm > _best.LastTerm || (reply.LastTerm == _best.LastTerm && reply.LastIndex > _best.LastIndex))
        {
            _best = reply;
        }

        if (_grants >= _quorum)
        {
            BecomeLeader();
        }
    }

    /// <summary>Catches up with the most up-to-date log of the claim quorum, then leads (docs/sources.md §6).</summary>
    private void BecomeLeader()
    {
        var best = _best!;
        if (best.Snapshot is { } snapshot && snapshot.Index > LastIndex)
        {
            LoadSnapshot(snapshot);
        }

        long applied = LastIndex;

        // What it adopts next and everything after stays for the log replicas it will repair.
        _keepFrom = applied;
        _node.Dataset.KeepFrom = (int)applied;

        // Every committed record is in the best log of any quorum, including those this node already applied (some
        // may have arrived while it claimed): the best log continues this node's history exactly (checked where this
        // node still holds its entries).
        Invariant.Holds(best.LastIndex >= applied && best.FromIndex <= applied + 1);
        for (long index = Math.Max(best.FromIndex, _node.Dataset.FirstHeld + 1); index <= applied; index++)
        {
            Invariant.Holds(best.Records[index - best.FromIndex].Entry == _node.Dataset[(int)(index - 1)]);
        }

        for (long index = applied + 1; index <= best.LastIndex; index++)
        {
            var record = best.Records[index - best.FromIndex];
            _node.ApplyFromLog(record.Entry);
            _terms.Add(record.Term);
        }

        _claimDeadline = SimTime.MaxValue;
        _term = _claimTerm;
        _isLeader = true;
        _leaderSince = Now;
        _commitIndex = applied;
        _node.PromoteFromLog($"won the log's leadership for term {_term} after catching up with the log: {best.LastIndex - applied} records adopted");
        _node.AppendLogMarker(-_term);
        _terms.Add(_term);
        _termStartIndex = LastIndex;
        for (int m = 0; m < _log.Count; m++)
        {
            _matchIndex[m] = 0;
            _nextIndex[m] = _commitIndex + 1;
            _lagging[m] = true;
            _lastAck[m] = _granted[m] ? Now : Never;
            SendBatch(m);
        }

        _endpoint.PointTo(_node.Id);
        _recorder.SwitchMaster();
        _recorder.Event(_node.Name, "control-plane", $"{_label}: {_endpoint.Name} now answers {_node.Name}");
    }

    private static string Format(SimDuration d) => d == SimDuration.MaxValue ? "ever" : Metrics.RunRecorder.Format(d);
}
