using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// <c>clusterHandleSlaveFailover</c>, <c>clusterGetSlaveRank</c> and <c>clusterSendFailoverAuthIfNeeded</c>
/// (docs/sources.md §3.4).
/// </summary>
public sealed partial class ClusterBusAgent
{
    private long _authTime;
    private bool _authSent;
    private int _authCount;
    private long _authEpoch;
    private int _authRank;

    /// <summary>The rank of the current or last election (0: the replica with the largest offset).</summary>
    public int ElectionRank => _authRank;

    /// <summary>When the current or last election may start (nanoseconds), or <see cref="long.MinValue"/>.</summary>
    public long ElectionTime => _authTime;

    private void HandleReplicaFailover()
    {
        long now = _sim.Now.Nanoseconds;
        long authTimeout = Math.Max(2 * _nodeTimeout, SimDuration.FromMilliseconds(2000).Nanoseconds);
        long retryTime = 2 * authTimeout;
        int master = MyMaster();

        // A manual failover whose replica caught up needs no FAIL and ignores cluster-replica-no-failover (§3.9).
        bool manual = _mfEnd != NoTime && _mfCanStart;
        if (master < 0 || ((_flags[master] & PeerFlags.Failing) == 0 && !manual) || (_settings.ReplicaNoFailover && !manual)
            || ShardOwnedBy(master) < 0)
        {
            _cantFailoverReason = CantFailover.None;
            return;
        }

        // Data age, less the node timeout it is fine to have been cut off for (docs/sources.md §3.4).
        long dataAge = _node.MasterDataAge.Nanoseconds;
        if (dataAge > _nodeTimeout)
        {
            dataAge -= _nodeTimeout;
        }

        if (_settings.ReplicaValidityFactor > 0 && !manual
            && dataAge > _replPingPeriod.Nanoseconds + (_nodeTimeout * _settings.ReplicaValidityFactor))
        {
            LogCantFailover(CantFailover.DataAge, master);
            return;
        }

        long authAge = _authTime == NoTime ? long.MaxValue : now - _authTime;
        if (authAge > retryTime)
        {
            _authRank = Rank(master);
            _authTime = now + SimDuration.FromMilliseconds(500 + _random.Next(500) + (_authRank * 1000L)).Nanoseconds;
            _authCount = 0;
            _authSent = false;
            if (_mfEnd != NoTime)
            {
                // A manual failover starts the election now (cluster.c l.3664-3668).
                _authTime = now;
                _authRank = 0;
            }

            Log($"Start of election delayed for {(_authTime - now) / 1_000_000} milliseconds (rank #{_authRank}, offset {_node.Offset})");
            BroadcastPong(siblingsOnly: true);
            if (_mfEnd != NoTime)
            {
                // CLUSTER_TODO_HANDLE_FAILOVER: run again before the event loop sleeps, which asks for the votes.
                HandleReplicaFailover();
            }

            return;
        }

        if (!_authSent && _mfEnd == NoTime)
        {
            int rank = Rank(master);
            if (rank > _authRank)
            {
                _authTime += (rank - _authRank) * SimDuration.FromMilliseconds(1000).Nanoseconds;
                _authRank = rank;
            }
        }

        if (now < _authTime)
        {
            LogCantFailover(CantFailover.WaitingDelay, master);
            return;
        }

        if (authAge > authTimeout)
        {
            LogCantFailover(CantFailover.Expired, master);
            return;
        }

        if (!_authSent)
        {
            _currentEpoch++;
            _authEpoch = _currentEpoch;
            Log($"Starting a failover election for epoch {_currentEpoch}");
            RequestVotes();
            _authSent = true;
            return;
        }

        if (_authCount >= (_shardCount / 2) + 1)
        {
            _peerConfigEpoch[_me] = Math.Max(_peerConfigEpoch[_me], _authEpoch);
            Log($"Failover election won: configEpoch set to {_authEpoch} after successful failover");
            ReplaceMaster(master, _authEpoch);
        }
        else
        {
            LogCantFailover(CantFailover.WaitingVotes, master);
        }
    }

    /// <summary>How many other replicas of <paramref name="master"/> announced a larger offset than this node's.</summary>
    private int Rank(int master)
    {
        int rank = 0;
        long mine = _node.Offset;
        for (int i = 0; i < _pingSent.Length; i++)
        {
            if (i != _me && !_peerIsPrimary[i] && _peerMaster[i] == master && _peerOffset[i] > mine)
            {
                rank++;
            }
        }

        return rank;
    }

    private void RequestVotes()
    {
        for (int peer = 0; peer < _pingSent.Length; peer++)
        {
            if (peer != _me)
            {
                // CLUSTERMSG_FLAG0_FORCEACK while a manual failover is in progress (cluster.c l.3299-3302).
                _node.SendAsNode(_nodes[peer].Id, WithHeader(new FailoverAuthRequest { ForceAck = _mfEnd != NoTime }));
            }
        }
    }

    /// <summary>
    /// <c>clusterFailoverReplaceYourMaster</c> (cluster.c l.3537-3566): primary of the shard with its configEpoch
    /// <paramref name="configEpoch"/>, a PONG to every node, and any manual failover's state cleared.
    /// </summary>
    private void ReplaceMaster(int master, long configEpoch)
    {
        int shard = ShardOwnedBy(master);
        _owner[shard] = _me;
        _ownerEpoch[shard] = configEpoch;
        _peerConfigEpoch[_me] = configEpoch;
        Log($"Taking over {NameOf(master)}'s slots with configEpoch {configEpoch}");
        _node.ChangeRoleByCluster(MemberId.None);
        UpdateState();
        BroadcastPong(siblingsOnly: false);
        ResetManualFailover();
    }

    /// <summary>
    /// A primary's vote: once per epoch, for a replica whose primary it flags FAIL (docs/sources.md §3.4), or whose
    /// request carries FORCEACK (a manual failover, §3.9).
    /// </summary>
    private void VoteIfNeeded(FailoverAuthRequest request)
    {
        int candidate = request.Sender;
        int master = request.SenderMaster;
        long now = _sim.Now.Nanoseconds;
        if (!_node.IsPrimary || ShardOwnedBy(_me) < 0 || request.CurrentEpoch < _currentEpoch
            || _lastVoteEpoch == _currentEpoch || master < 0 || ((_flags[master] & PeerFlags.Failing) == 0 && !request.ForceAck))
        {
            return;
        }

        if (_votedTime[master] != NoTime && now - _votedTime[master] < 2 * _nodeTimeout)
        {
            return;
        }

        int shard = request.ClaimedShard;
        if (shard >= 0 && _ownerEpoch[shard] > request.ConfigEpoch)
        {
            return;
        }

        _lastVoteEpoch = _currentEpoch;
        _votedTime[master] = now;
        Log($"Failover auth granted to {NameOf(candidate)} for epoch {_currentEpoch}");
        _node.SendAsNode(_nodes[candidate].Id, WithHeader(new FailoverAuthAck()));
    }

    /// <summary>A vote counts when its sender serves slots and its epoch is the election's or later; a quorum promotes at once.</summary>
    private void OnVote(FailoverAuthAck ack)
    {
        if (!_authSent || ShardOwnedBy(ack.Sender) < 0 || ack.CurrentEpoch < _authEpoch || _node.IsPrimary)
        {
            return;
        }

        // CLUSTER_TODO_HANDLE_FAILOVER after every vote: checked before the event loop sleeps, not at the next cron.
        _authCount++;
        HandleReplicaFailover();
    }
}
