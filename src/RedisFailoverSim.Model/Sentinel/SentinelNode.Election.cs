using System.Globalization;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Sentinel;

/// <summary>Starting a failover, voting and counting votes (sentinelStartFailover, sentinelVoteLeader, sentinelGetLeader).</summary>
public sealed partial class SentinelNode
{
    private bool _failoverInProgress;
    private bool _failoverForced;
    private FailoverState _failoverState;
    private long _failoverEpoch;
    private SimTime? _failoverStartTime;
    private SimTime _failoverStateChangeTime;
    private string? _leader;
    private long _leaderEpoch;

    private SimDuration ElectionTimeout => SimDuration.Min(ElectionTimeoutCap, _settings.FailoverTimeout);

    /// <summary>
    /// Starts a failover when the master is ODOWN, none is running, and we have not tried (or voted for
    /// someone else) within 2 × failover-timeout (docs/sources.md §2.1, §2.3).
    /// </summary>
    private bool StartFailoverIfNeeded()
    {
        if (!_odown || _failoverInProgress)
        {
            return false;
        }

        if (_failoverStartTime is { } started && Sim.Now - started < _settings.FailoverTimeout * 2)
        {
            return false;
        }

        StartFailover(forced: false);
        return true;
    }

    private void StartFailover(bool forced)
    {
        _failoverState = FailoverState.WaitStart;
        _failoverInProgress = true;
        _failoverForced = forced;
        CurrentEpoch++;
        _failoverEpoch = CurrentEpoch;
        Emit("+new-epoch", CurrentEpoch.ToString(CultureInfo.InvariantCulture));
        Emit("+try-failover", $"master {MasterName} {_master.Name}");
        _failoverStartTime = Sim.Now + SimDuration.FromNanoseconds(_random.NextInt64(MaxDesync.Nanoseconds));
        _failoverStateChangeTime = Sim.Now;
    }

    /// <summary>
    /// One vote per epoch: the first requester whose epoch is newer than our last vote and not older than our
    /// current epoch gets it. Voting for another also delays our own failover attempt.
    /// </summary>
    private (string? Leader, long Epoch) VoteLeader(long requestEpoch, string candidate)
    {
        if (requestEpoch > CurrentEpoch)
        {
            CurrentEpoch = requestEpoch;
            Emit("+new-epoch", CurrentEpoch.ToString(CultureInfo.InvariantCulture));
        }

        if (_leaderEpoch < requestEpoch && CurrentEpoch <= requestEpoch)
        {
            _leader = candidate;
            _leaderEpoch = CurrentEpoch;
            Emit("+vote-for-leader", $"{candidate} {_leaderEpoch.ToString(CultureInfo.InvariantCulture)}");
            if (candidate != Name)
            {
                _failoverStartTime = Sim.Now + SimDuration.FromNanoseconds(_random.NextInt64(MaxDesync.Nanoseconds));
            }
        }

        return (_leader, _leaderEpoch);
    }

    /// <summary>
    /// The leader of an epoch: the candidate with most votes among the peers' latest answers plus our own,
    /// if it has a majority of all known Sentinels and at least quorum votes.
    /// </summary>
    private string? GetLeader(long epoch)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _peers.Count; i++)
        {
            if (_peers[i].Leader is { } vote && _peers[i].LeaderEpoch == CurrentEpoch)
            {
                counts[vote] = counts.GetValueOrDefault(vote) + 1;
            }
        }

        int voters = _peers.Count + 1;
        var (winner, maxVotes) = MostVoted(counts);
        if (maxVotes < (voters / 2) + 1 || maxVotes < _settings.Quorum)
        {
            winner = null;
        }

        // Our own vote goes to the front-runner, or to ourselves when there is none.
        var (myVote, myEpoch) = VoteLeader(epoch, winner ?? Name);
        if (myVote is not null && myEpoch == epoch)
        {
            counts[myVote] = counts.GetValueOrDefault(myVote) + 1;
        }

        (winner, maxVotes) = MostVoted(counts);
        return maxVotes >= (voters / 2) + 1 && maxVotes >= _settings.Quorum ? winner : null;
    }

    private static (string? Winner, int Votes) MostVoted(SortedDictionary<string, int> counts)
    {
        string? winner = null;
        int max = 0;
        foreach (var (candidate, votes) in counts)
        {
            if (votes > max)
            {
                winner = candidate;
                max = votes;
            }
        }

        return (winner, max);
    }
}
