using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Cluster;

/// <summary><c>clusterProcessPacket</c> and <c>clusterProcessGossipSection</c> (docs/sources.md §3.3-§3.5).</summary>
public sealed partial class ClusterBusAgent
{
    private void OnBusMessage(ClusterBusMessage message)
    {
        int sender = message.Sender;
        long now = _sim.Now.Nanoseconds;
        _dataReceived[sender] = now;
        if (message.CurrentEpoch > _currentEpoch)
        {
            _currentEpoch = message.CurrentEpoch;
        }

        TakePausedOffset(message);
        switch (message)
        {
            case ClusterPing ping:
                OnPing(ping);
                break;
            case ClusterFail fail:
                OnFail(fail);
                break;
            case ClusterUpdate update:
                if (update.OwnerEpoch > _ownerEpoch[update.Shard] && update.Owner != _owner[update.Shard])
                {
                    UpdateSlotsConfigWith(update.Owner, update.OwnerEpoch, update.Shard);
                }

                break;
            case FailoverAuthRequest request:
                VoteIfNeeded(request);
                break;
            case FailoverAuthAck ack:
                OnVote(ack);
                break;
            case ManualFailoverStart start:
                OnManualFailoverStart(start);
                break;
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    private void OnPing(ClusterPing ping)
    {
        int sender = ping.Sender;
        if (!ping.IsPong)
        {
            SendPong(sender, isReply: true);
        }

        // The sender's role and data as it announces them.
        _peerIsPrimary[sender] = ping.SenderIsPrimary;
        _peerMaster[sender] = ping.SenderMaster;
        _peerOffset[sender] = ping.Offset;
        if (ping.SenderIsPrimary && ping.ConfigEpoch > _peerConfigEpoch[sender])
        {
            _peerConfigEpoch[sender] = ping.ConfigEpoch;
        }

        if (ping.IsReply)
        {
            _linkConnected[sender] = true;
            _pongReceived[sender] = _sim.Now.Nanoseconds;
            _pingSent[sender] = NoTime;
            if ((_flags[sender] & PeerFlags.PossiblyFailing) != 0)
            {
                _flags[sender] &= ~PeerFlags.PossiblyFailing;
                UpdateState();
            }
            else if ((_flags[sender] & PeerFlags.Failing) != 0)
            {
                ClearFailureIfNeeded(sender);
            }
        }

        if (ping.SenderIsPrimary && ping.ClaimedShard >= 0)
        {
            int shard = ping.ClaimedShard;
            if (_owner[shard] != sender && ping.ConfigEpoch > _ownerEpoch[shard])
            {
                UpdateSlotsConfigWith(sender, ping.ConfigEpoch, shard);
            }
            else if (_owner[shard] != sender && _ownerEpoch[shard] > ping.ConfigEpoch)
            {
                // The sender claims slots a node with a larger configEpoch owns: tell it (an UPDATE message).
                _node.SendAsNode(_nodes[sender].Id, WithHeader(new ClusterUpdate
                {
                    Shard = shard,
                    Owner = _owner[shard],
                    OwnerEpoch = _ownerEpoch[shard],
                }));
            }
        }

        ProcessGossip(ping);
    }

    /// <summary>Failure reports from primaries, and pong times of nodes up in the sender's view.</summary>
    private void ProcessGossip(ClusterPing ping)
    {
        int sender = ping.Sender;
        long now = _sim.Now.Nanoseconds;
        var gossip = ping.Gossip;
        for (int i = 0; i < gossip.Length; i++)
        {
            var entry = gossip[i];
            int node = entry.Node;
            bool failing = (entry.Flags & (PeerFlags.PossiblyFailing | PeerFlags.Failing)) != 0;
            if (_peerIsPrimary[sender] && node != _me)
            {
                if (failing)
                {
                    if (_reportTime[(node * _pingSent.Length) + sender] == NoTime)
                    {
                        Log($"Node {NameOf(sender)} reported node {NameOf(node)} as not reachable");
                    }

                    _reportTime[(node * _pingSent.Length) + sender] = now;
                    MarkFailingIfNeeded(node);
                }
                else
                {
                    _reportTime[(node * _pingSent.Length) + sender] = NoTime;
                }
            }

            if (!failing && node != _me && _pingSent[node] == NoTime && FailureReports(node) == 0)
            {
                long pong = entry.PongSeconds * Engine.Time.SimDuration.NanosecondsPerSecond;
                if (pong <= now + 500_000_000 && pong > _pongReceived[node])
                {
                    _pongReceived[node] = pong;
                }
            }
        }
    }

    /// <summary>Valid failure reports about <paramref name="node"/>: those younger than 2 × node-timeout.</summary>
    private int FailureReports(int node)
    {
        long now = _sim.Now.Nanoseconds;
        int n = _pingSent.Length;
        int count = 0;
        for (int reporter = 0; reporter < n; reporter++)
        {
            long at = _reportTime[(node * n) + reporter];
            if (at == NoTime)
            {
                continue;
            }

            if (now - at > 2 * _nodeTimeout)
            {
                _reportTime[(node * n) + reporter] = NoTime;
                continue;
            }

            count++;
        }

        return count;
    }

    /// <summary><c>markNodeAsFailingIfNeeded</c>: PFAIL here plus reports from a majority of primaries make it FAIL.</summary>
    private void MarkFailingIfNeeded(int node)
    {
        if ((_flags[node] & PeerFlags.PossiblyFailing) == 0 || (_flags[node] & PeerFlags.Failing) != 0)
        {
            return;
        }

        int failures = FailureReports(node) + (_node.IsPrimary ? 1 : 0);
        if (failures < (_shardCount / 2) + 1)
        {
            return;
        }

        Log($"Marking node {NameOf(node)} as failing (quorum reached)");
        SetFailing(node);
        BroadcastFail(node);
    }

    private void SetFailing(int node)
    {
        _flags[node] = PeerFlags.Failing;
        _failTime[node] = _sim.Now.Nanoseconds;
        UpdateState();
    }

    private void BroadcastFail(int failing)
    {
        for (int peer = 0; peer < _pingSent.Length; peer++)
        {
            if (peer != _me)
            {
                _node.SendAsNode(_nodes[peer].Id, WithHeader(new ClusterFail
                {
                    Failing = failing,
                }));
            }
        }
    }

    private void OnFail(ClusterFail fail)
    {
        if (fail.Failing == _me || (_flags[fail.Failing] & PeerFlags.Failing) != 0)
        {
            return;
        }

        Log($"FAIL message received from {NameOf(fail.Sender)} about {NameOf(fail.Failing)}");
        SetFailing(fail.Failing);
    }

    /// <summary><c>clearNodeFailureIfNeeded</c>: a replica at once, a primary still serving slots after 2 × node-timeout.</summary>
    private void ClearFailureIfNeeded(int node)
    {
        bool servesSlots = ShardOwnedBy(node) >= 0;
        if ((!_peerIsPrimary[node] || !servesSlots) || _sim.Now.Nanoseconds - _failTime[node] > 2 * _nodeTimeout)
        {
            Log($"Clear FAIL state for node {NameOf(node)}: is reachable again");
            _flags[node] = PeerFlags.None;
            UpdateState();
        }
    }

    /// <summary>
    /// <c>clusterUpdateSlotsConfigWith</c>: the shard goes to <paramref name="claimant"/>; a primary that loses its
    /// slots, or a replica whose primary does, follows the claimant (docs/sources.md §3.5).
    /// </summary>
    private void UpdateSlotsConfigWith(int claimant, long epoch, int shard)
    {
        int current = _node.IsPrimary ? _me : MyMaster();
        bool ours = _owner[shard] == current;
        _owner[shard] = claimant;
        _ownerEpoch[shard] = epoch;
        if (claimant == _me)
        {
            UpdateState();
            return;
        }

        if (ours && ShardOwnedBy(current) < 0)
        {
            Log($"Configuration change detected. Reconfiguring myself as a replica of {NameOf(claimant)}");
            _node.ChangeRoleByCluster(_nodes[claimant].Id);

            // clusterSetMaster ends any manual failover: a primary paused for one lets its writers run, now as a replica.
            ResetManualFailover();
        }

        UpdateState();
    }

    private void OnClusterSlots(ClusterSlotsRequest request)
    {
        var owners = new MemberId[_shardCount];
        for (int s = 0; s < _shardCount; s++)
        {
            owners[s] = _nodes[_owner[s]].Id;
        }

        _node.SendAsNode(request.From, new ClusterSlotsReply { Attempt = request.Attempt, Owners = owners });
    }

    /// <summary>The shard <paramref name="node"/> owns in this node's view, or -1.</summary>
    private int ShardOwnedBy(int node)
    {
        for (int s = 0; s < _shardCount; s++)
        {
            if (_owner[s] == node)
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>This node's primary (cluster index) when a replica, else -1.</summary>
    private int MyMaster() => _node.IsPrimary || !_node.MasterId.IsSome ? -1 : IndexOf(_node.MasterId);

    /// <summary>Fills the header every bus message carries from this node's state now (clusterBuildMessageHdr).</summary>
    private T WithHeader<T>(T message)
        where T : ClusterBusMessage
    {
        // CLUSTERMSG_FLAG0_PAUSED: a primary in a manual failover (cluster.c l.2889-2890).
        bool paused = _node.IsPrimary && _mfEnd != NoTime;
        message.SetHeader(_me, _currentEpoch, HeaderConfigEpoch(), _node.IsPrimary, MyMaster(), ClaimedShard(), _node.Offset, paused);
        return message;
    }

    /// <summary>The header's configEpoch: this node's, or its primary's when a replica (<c>clusterBuildMessageHdr</c>).</summary>
    private long HeaderConfigEpoch()
    {
        int owner = _node.IsPrimary ? _me : MyMaster();
        int shard = owner < 0 ? -1 : ShardOwnedBy(owner);
        return shard < 0 ? (owner >= 0 ? _peerConfigEpoch[owner] : 0) : _ownerEpoch[shard];
    }

    /// <summary>The shard whose slots the header claims: this node's, or its primary's when a replica.</summary>
    private int ClaimedShard()
    {
        int owner = _node.IsPrimary ? _me : MyMaster();
        return owner < 0 ? -1 : ShardOwnedBy(owner);
    }
}
