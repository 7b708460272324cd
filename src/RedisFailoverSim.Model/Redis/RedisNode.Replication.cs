using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>Replication: the master side (serving PSYNC, streaming) and the replica side (following).</summary>
public sealed partial class RedisNode
{
    // ASSUMPTION A11: a replica retries an unanswered PSYNC handshake after 5 s (a TCP SYN retry), rather than
    // waiting the full repl-timeout; it only shortens reconvergence after a partition heals.
    private static readonly SimDuration HandshakeTimeout = SimDuration.FromSeconds(5);

    private SimTime _linkDownSince;
    private SimTime _lastMasterInteraction;
    private SimTime _handshakeStarted;
    private bool _hasBacklog;
    private long _nextSyncToken;
    private int _goodReplicas;

    /// <summary>REPLICAOF: promote (no master) or follow a master; Sentinel sends CONFIG REWRITE with it.</summary>
    private void OnReplicaOf(ReplicaOfCommand command)
    {
        _configuredMaster = command.Master;
        if (!command.Master.IsSome)
        {
            if (!IsPrimary)
            {
                Promote();
            }

            return;
        }

        if (!IsPrimary && MasterId == command.Master && LinkState != MasterLinkState.Down)
        {
            return;
        }

        if (IsPrimary)
        {
            _recorder.Event(Name, "role", $"{Name} demoted: now a replica of {Network.Members[command.Master.Value].Name}");
            IsPrimary = false;
            UnblockAllWaiters();
        }

        if (!IsPrimary && MasterId != command.Master)
        {
            LeaveMaster();
        }

        IsPrimary = false;
        MasterId = command.Master;
        StartHandshake();
        RecordState();
    }

    /// <summary>REPLICAOF NO ONE: a new replication id; the old one stays valid up to the switch offset (PSYNC2).</summary>
    private void Promote()
    {
        LeaveMaster();
        if (_options.DisconnectReplicasOnPromotion)
        {
            for (int i = 0; i < _replicas.Count; i++)
            {
                Send(_replicas[i].Replica, new ConnectionReset(null, ResetScope.MasterLink));
            }

            _replicas.Clear();
        }

        ReplId2 = ReplId;
        SecondReplOffset = Offset;
        ReplId = _replIds.Next();
        IsPrimary = true;
        MasterId = MemberId.None;
        LinkState = MasterLinkState.Down;
        _hasBacklog = true;
        _recorder.Promotion(NodeIndex);
        _recorder.Event(Name, "role", $"{Name} promoted to primary at offset {Offset} (new replication id {ReplId})");
        RecordState();
    }

    /// <summary>Closes our replication link to the current master, which then forgets us as its replica.</summary>
    private void LeaveMaster()
    {
        if (MasterId.IsSome)
        {
            Send(MasterId, new ConnectionReset(null, ResetScope.ReplicaLink));
        }
    }

    private void StartHandshake()
    {
        if (LinkState is MasterLinkState.Up or MasterLinkState.AwaitingSnapshot)
        {
            _linkDownSince = Sim.Now;
        }

        LinkState = MasterLinkState.Handshake;
        _handshakeStarted = Sim.Now;
        Send(MasterId, new PsyncRequest(ReplId, Offset));
    }

    private void LinkDown(string why)
    {
        if (LinkState == MasterLinkState.Down)
        {
            return;
        }

        // Only a working link going down is news; a failed reconnect attempt is not.
        bool wasWorking = LinkState is MasterLinkState.Up or MasterLinkState.AwaitingSnapshot;
        LinkState = MasterLinkState.Down;
        if (wasWorking)
        {
            _linkDownSince = Sim.Now;
            _recorder.Event(Name, "link", $"{Name} lost its master link ({why})");
        }

        RecordState();
    }

    /// <summary>Master side: decide between partial and full resync (docs/sources.md §1.2).</summary>
    private void OnPsync(PsyncRequest psync)
    {
        RemoveReplica(psync.From);
        if (!IsPrimary && LinkState != MasterLinkState.Up)
        {
            // -NOMASTERLINK: a replica without its own master link cannot serve a sync.
            Send(psync.From, new ConnectionReset(psync, ResetScope.MasterLink));
            return;
        }

        bool sameHistory = psync.ReplId == ReplId || (psync.ReplId == ReplId2 && psync.Offset <= SecondReplOffset);
        // As masterTryPartialResynchronization: not before the backlog's first byte (a restart from disk may hold less).
        bool inBacklog = _hasBacklog && psync.Offset <= Offset && Offset - psync.Offset <= _settings.ReplBacklogBytes
            && psync.Offset >= _history.EarliestOffset
            && _history.HasBoundaryAt(psync.Offset);
        var link = new ReplicaLink(psync.From, Sim.Now, ++_nextSyncToken);
        _replicas.Add(link);
        _hasBacklog = true;
        if (sameHistory && inBacklog)
        {
            link.Online = true;
            link.AckOffset = psync.Offset;
            var resume = new PsyncContinue(ReplId, _history.CopyFrom(_history.IndexAfter(psync.Offset))) { FromOffset = psync.Offset };
            Send(psync.From, resume);
            if (resume.EgressDoneAt > 0)
            {
                TrackQueued(link, resume);
            }

            ReplicasChanged();
            return;
        }

        Send(psync.From, new FullResyncStart(ReplId, Offset));
        Sim.Schedule(_settings.ReplDisklessSyncDelay, this, _incarnation, new NodeTimer(NodeTimerKind.SnapshotDue, link, null));
    }

    private void OnTimer(NodeTimer timer)
    {
        var link = timer.Link;
        if (!_replicas.Contains(link) || (!IsPrimary && LinkState != MasterLinkState.Up))
        {
            if (timer.Snapshot is { } abandoned)
            {
                _history.Release(abandoned);
            }

            return;
        }

        if (timer.Kind == NodeTimerKind.SnapshotDue)
        {
            var snapshot = _history.Snapshot(_history.Count);
            long bytes = (_holdsBaseDataset ? _settings.BaseDatasetBytes : 0) + snapshot.Offset;

            // The sync forks a child to write the RDB (diskless too): the thread stops while it forks (§13.4).
            Fork(bytes);
            var transfer = SimDuration.FromSecondsRounded(bytes / (double)_settings.FullSyncBytesPerSecond);
            Sim.Schedule(transfer, this, _incarnation, new NodeTimer(NodeTimerKind.TransferDone, link, snapshot));
            return;
        }

        var sent = timer.Snapshot!;
        Send(link.Replica, new RdbPayload(ReplId, sent));
        int next = _history.IndexAfter(sent.Offset);
        long previous = sent.Offset;
        for (int i = next; i < _history.Count; i++)
        {
            var catchUp = new StreamEntry(_history[i]) { PreviousOffset = previous };
            Send(link.Replica, catchUp);
            if (catchUp.EgressDoneAt > 0)
            {
                TrackQueued(link, catchUp);
            }

            previous = _history[i].EndOffset;
        }

        _history.Release(sent);

        link.Online = true;
        link.AckOffset = sent.Offset;
        link.LastAck = Sim.Now;
        ReplicasChanged();
    }

    private void OnReplAck(ReplAck ack)
    {
        for (int i = 0; i < _replicas.Count; i++)
        {
            if (_replicas[i].Replica == ack.From)
            {
                _replicas[i].AckOffset = ack.Offset;
                _replicas[i].AofAckOffset = ack.AofOffset;
                _replicas[i].LastAck = Sim.Now;
                if (_waiting.Count > 0)
                {
                    ProcessWaitingClients();
                }

                CompleteCoordinatedFailoverIfCaughtUp(ack);
                return;
            }
        }
    }

    /// <summary>Replica side: the master accepted a partial resync.</summary>
    private void OnPsyncContinue(PsyncContinue resume)
    {
        if (!FromMyMaster(resume) || LinkState != MasterLinkState.Handshake)
        {
            return;
        }

        if (resume.ReplId != ReplId)
        {
            // PSYNC2: adopt the master's new id; our old one stays valid up to here for our own replicas.
            ReplId2 = ReplId;
            SecondReplOffset = Offset;
            ReplId = resume.ReplId;
        }

        for (int i = 0; i < resume.Missing.Length; i++)
        {
            ApplyFromMaster(resume.Missing[i]);
        }

        _recorder.Event(Name, "sync", $"{Name} partial resync from {Network.Members[MasterId.Value].Name}: {resume.Missing.Length} write{(resume.Missing.Length == 1 ? "" : "s")} behind");
        LinkUp();
    }

    private void OnFullResyncStart(FullResyncStart full)
    {
        if (!FromMyMaster(full) || LinkState != MasterLinkState.Handshake)
        {
            return;
        }

        LinkState = MasterLinkState.AwaitingSnapshot;
        _lastMasterInteraction = Sim.Now;
        RecordState();
    }

    /// <summary>Loads a full sync: the old dataset is discarded (docs/sources.md §1.3).</summary>
    private void OnRdb(RdbPayload rdb)
    {
        if (!FromMyMaster(rdb) || LinkState != MasterLinkState.AwaitingSnapshot)
        {
            return;
        }

        int discarded = _history.CountDivergentFrom(rdb.Snapshot);
        _history.ReplaceWith(rdb.Snapshot);
        _holdsBaseDataset = true;
        OnDatasetReplaced();
        ReplId = rdb.ReplId;
        ReplId2 = 0;
        SecondReplOffset = -1;
        string master = Network.Members[MasterId.Value].Name;
        _recorder.Event(Name, discarded > 0 ? "discard" : "sync", discarded > 0
            ? $"{Name} full resync from {master}: {discarded} writes it held were discarded"
            : $"{Name} full resync from {master}");

        // A node that reloads its dataset forces its own replicas to resync as well (replicationAttachToNewMaster).
        for (int i = 0; i < _replicas.Count; i++)
        {
            Send(_replicas[i].Replica, new ConnectionReset(null, ResetScope.MasterLink));
        }

        _replicas.Clear();
        LinkUp();
    }

    private void OnStreamEntry(StreamEntry message)
    {
        if (!FromMyMaster(message) || LinkState != MasterLinkState.Up)
        {
            return;
        }

        if (_options.RecoverStreamGaps && message.PreviousOffset >= 0 && message.PreviousOffset != Offset)
        {
            ResyncAfterGap();
            return;
        }

        ApplyFromMaster(message.Entry);
    }

    /// <summary>Entries were lost on a cut link: reconnect and ask for them again (PSYNC from our offset).</summary>
    private void ResyncAfterGap()
    {
        LinkDown("gap in the replication stream: entries lost on a cut link");
        LeaveMaster();
        StartHandshake();
    }

    private void ApplyFromMaster(HistoryEntry entry)
    {
        // Pair check with the master's send: the stream continues exactly where this replica stands.
        Invariant.Holds(entry.EndOffset > Offset);
        long previous = Offset;
        long done = Serve(EventLoopCosts.Apply(entry.EndOffset - previous));
        _history.Add(entry);
        AppendToAof();
        _lastMasterInteraction = Sim.Now;
        Propagate(entry, previous, done);
        _options.Extension?.OnReplicated();
    }

    private void OnReplPing(ReplPing ping)
    {
        if (FromMyMaster(ping))
        {
            _lastMasterInteraction = Sim.Now;
            if (_options.RecoverStreamGaps && LinkState == MasterLinkState.Up && ping.MasterOffset > Offset)
            {
                ResyncAfterGap();
            }
        }
    }

    private void LinkUp()
    {
        LinkState = MasterLinkState.Up;
        _lastMasterInteraction = Sim.Now;
        _hasBacklog = true;
        Send(MasterId, Ack());
        RecordState();
        _options.Extension?.OnReplicated();
    }

    private bool FromMyMaster(Message message) => !IsPrimary && message.From == MasterId;

    private void OnConnectionReset(ConnectionReset reset)
    {
        bool masterLink = reset.Scope is ResetScope.All or ResetScope.MasterLink;
        if (masterLink && !IsPrimary && reset.From == MasterId)
        {
            LinkDown("connection reset");
        }

        if (reset.Scope is ResetScope.All or ResetScope.ReplicaLink)
        {
            RemoveReplica(reset.From);
        }
    }

    private void RemoveReplica(MemberId replica)
    {
        bool removed = false;
        for (int i = _replicas.Count - 1; i >= 0; i--)
        {
            if (_replicas[i].Replica == replica)
            {
                _replicas.RemoveAt(i);
                removed = true;
            }
        }

        if (removed)
        {
            ReplicasChanged();
        }
    }

    /// <summary>
    /// A replica came online or went away: Redis recounts its good replicas at once (<c>refreshGoodSlavesCount</c>
    /// in <c>masterTryPartialResynchronization</c>, <c>replicaPutOnline</c> and <c>freeClient</c>), not only on the
    /// next replication cron, so min-replicas-to-write sees a replica from the moment it streams (docs/sources.md §1.5).
    /// Without it a primary booted with <c>min-replicas-to-write</c> refused writes until its first cron tick.
    /// </summary>
    private void ReplicasChanged()
    {
        RefreshGoodReplicas();
        RecordState();
    }
}
