namespace RedisFailoverSim.Model.Cluster;

/// <summary><c>clusterCron</c>, 10 times a second (docs/sources.md §3.3).</summary>
public sealed partial class ClusterBusAgent
{
    private void Cron()
    {
        _iteration++;
        long now = _sim.Now.Nanoseconds;
        int n = _pingSent.Length;

        // Every 10th call: of 5 random nodes, ping the one with the oldest pong (no ping outstanding, not myself).
        if (_iteration % 10 == 0)
        {
            int chosen = -1;
            for (int j = 0; j < 5; j++)
            {
                int candidate = _random.Next(n);
                if (candidate == _me || _pingSent[candidate] != NoTime)
                {
                    continue;
                }

                if (chosen < 0 || _pongReceived[candidate] < _pongReceived[chosen])
                {
                    chosen = candidate;
                }
            }

            if (chosen >= 0)
            {
                SendPing(chosen);
            }
        }

        for (int peer = 0; peer < n; peer++)
        {
            if (peer == _me)
            {
                continue;
            }

            TendLink(peer, now);

            // No ping outstanding and the last pong older than node-timeout / 2: ping now.
            if (_pingSent[peer] == NoTime && now - _pongReceived[peer] > _nodeTimeout / 2)
            {
                SendPing(peer);
                continue;
            }

            // A primary whose replica asked for a manual failover pings it every cron (cluster.c l.4171-4179).
            if (_mfEnd != NoTime && _node.IsPrimary && _mfReplica == peer)
            {
                SendPing(peer);
                continue;
            }

            if (_pingSent[peer] == NoTime)
            {
                continue;
            }

            long delay = Math.Min(now - _pingSent[peer], now - _dataReceived[peer]);
            if (delay > _nodeTimeout && (_flags[peer] & (PeerFlags.PossiblyFailing | PeerFlags.Failing)) == 0)
            {
                _flags[peer] |= PeerFlags.PossiblyFailing;
                Log($"*** NODE {NameOf(peer)} possibly failing (+pfail)");
            }
        }

        CheckManualFailoverTimeout();
        if (!_node.IsPrimary)
        {
            HandleManualFailover();
            HandleReplicaFailover();
        }

        UpdateState();
    }

    /// <summary>
    /// The outbound link to <paramref name="peer"/> (<c>clusterCron</c> l.4141-4157, <c>clusterNodeCronHandleReconnect</c>
    /// l.3944-3978, <c>clusterLinkConnectHandler</c> l.2673-2710; docs/sources.md §3.6): a link older than the node
    /// timeout whose ping waits longer than node-timeout / 2, with no data for as long, is dropped and reconnected, and
    /// a new connection opens with a PING (the outstanding ping's time kept). ASSUMPTION A79: the model has no TCP; a
    /// connection attempt is a PING re-sent at Linux's SYN retransmission times (1, 3, 7 s after it) until a pong
    /// answers it, and a message a cut drops is not retransmitted.
    /// </summary>
    private void TendLink(int peer, long now)
    {
        if (_linkCreated[peer] != NoTime
            && now - _linkCreated[peer] > _nodeTimeout
            && _pingSent[peer] != NoTime
            && now - _pingSent[peer] > _nodeTimeout / 2
            && now - _dataReceived[peer] > _nodeTimeout / 2)
        {
            _linkCreated[peer] = NoTime;
        }

        // ASSUMPTION A173: on the calibration's test bed the proxy in front of the peer resets a connect across a cut at
        // once, so the link is freed and the next cron connects again (docs/sources.md §3.17): after the heal, the first
        // cron's PING gets through instead of the next SYN retransmission's.
        bool refused = !_linkConnected[peer] && _node.Network.RefusesConnect(_node.Id, _nodes[peer].Id);
        if (_linkCreated[peer] == NoTime || refused)
        {
            _linkCreated[peer] = refused ? NoTime : now;
            _linkConnected[peer] = false;
            _synSent[peer] = 0;
            SendPing(peer);
            return;
        }

        int syn = _synSent[peer];
        if (!_linkConnected[peer] && syn < SynRetransmits.Length && now - _linkCreated[peer] >= SynRetransmits[syn])
        {
            _synSent[peer] = syn + 1;
            SendPing(peer);
        }
    }

    /// <summary><c>clusterSendPing</c>: a PING with gossip; its outstanding time starts now unless one is outstanding.</summary>
    private void SendPing(int peer)
    {
        if (_pingSent[peer] == NoTime)
        {
            _pingSent[peer] = _sim.Now.Nanoseconds;
        }

        _node.SendAsNode(_nodes[peer].Id, BuildPing(isPong: false, isReply: false));
    }

    private void SendPong(int peer, bool isReply) => _node.SendAsNode(_nodes[peer].Id, BuildPing(isPong: true, isReply: isReply));

    /// <summary>A PONG to every other node (after a promotion) or to the sibling replicas (an election's offset).</summary>
    private void BroadcastPong(bool siblingsOnly)
    {
        int myMaster = MyMaster();
        for (int peer = 0; peer < _pingSent.Length; peer++)
        {
            if (peer != _me && (!siblingsOnly || (!_peerIsPrimary[peer] && _peerMaster[peer] == myMaster)))
            {
                SendPong(peer, isReply: false);
            }
        }
    }

    /// <summary>
    /// The gossip sections: max(3, nodes / 10) random other nodes (at most nodes − 2, no duplicates, no PFAIL ones),
    /// then every node flagged PFAIL (docs/sources.md §3.3).
    /// </summary>
    private ClusterPing BuildPing(bool isPong, bool isReply)
    {
        int n = _pingSent.Length;
        int wanted = Math.Min(Math.Max(3, n / 10), Math.Max(0, n - 2));
        int pfail = 0;
        for (int i = 0; i < n; i++)
        {
            pfail += (_flags[i] & PeerFlags.PossiblyFailing) != 0 ? 1 : 0;
        }

        var gossip = new List<GossipEntry>(wanted + pfail);
        int attempts = wanted * 3;
        int fresh = n - 2;
        while (fresh > 0 && gossip.Count < wanted && attempts-- > 0)
        {
            int candidate = _random.Next(n);
            if (candidate == _me || (_flags[candidate] & PeerFlags.PossiblyFailing) != 0 || Contains(gossip, candidate))
            {
                continue;
            }

            gossip.Add(Entry(candidate));
            fresh--;
        }

        for (int i = 0; i < n; i++)
        {
            if ((_flags[i] & PeerFlags.PossiblyFailing) != 0)
            {
                gossip.Add(Entry(i));
            }
        }

        return WithHeader(new ClusterPing
        {
            IsPong = isPong,
            IsReply = isReply,
            Gossip = [.. gossip],
        });
    }

    private GossipEntry Entry(int node) =>
        new(node, _flags[node], Math.Max(0, _pongReceived[node]) / Engine.Time.SimDuration.NanosecondsPerSecond);

    private static bool Contains(List<GossipEntry> gossip, int node)
    {
        for (int i = 0; i < gossip.Count; i++)
        {
            if (gossip[i].Node == node)
            {
                return true;
            }
        }

        return false;
    }
}
