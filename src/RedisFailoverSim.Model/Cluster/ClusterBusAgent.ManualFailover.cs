using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// <c>CLUSTER FAILOVER [FORCE|TAKEOVER]</c> (docs/sources.md §3.9): the replica asks its primary to pause its writers
/// (MFSTART), the primary answers with a PING flagged PAUSED that carries its offset, the replica waits until it applied
/// that much, then runs the election at once with FORCEACK so primaries vote for a replica whose primary is up.
/// </summary>
public sealed partial class ClusterBusAgent
{
    // CLUSTER_MF_TIMEOUT and CLUSTER_MF_PAUSE_MULT (cluster.h l.18-19).
    private const long ManualFailoverTimeout = 5_000_000_000;
    private const int ManualFailoverPauseMultiplier = 2;

    private long _mfEnd = NoTime;
    private bool _mfCanStart;
    private int _mfReplica = -1;
    private long _mfMasterOffset = -1;

    /// <summary>True while a manual failover is in progress on this node (<c>mf_end</c> set), as replica or primary.</summary>
    public bool ManualFailoverInProgress => _mfEnd != NoTime;

    /// <summary>
    /// <c>clusterCommand</c> "failover" (cluster.c l.5785-5838): refused on a primary, on a replica that knows no primary,
    /// and without FORCE when its primary is FAIL or has no link; otherwise starts the manual failover. Returns the reply,
    /// in words.
    /// </summary>
    public string ManualFailover(ManualFailoverOption option)
    {
        // ASSUMPTION A83: "no link" is the model's dropped bus link, which the next cron reconnects (A79).
        int master = MyMaster();
        bool force = option != ManualFailoverOption.Default;
        string refused = _node.IsPrimary ? "You should send CLUSTER FAILOVER to a replica"
            : master < 0 ? "I'm a replica but my master is unknown to me"
            : !force && ((_flags[master] & PeerFlags.Failing) != 0 || _linkCreated[master] == NoTime)
                ? "Master is down or failed, please use CLUSTER FAILOVER FORCE"
            : "";
        if (refused.Length > 0)
        {
            Log("CLUSTER FAILOVER refused: " + refused);
            return "-ERR " + refused;
        }

        ResetManualFailover();
        _mfEnd = _sim.Now.Nanoseconds + ManualFailoverTimeout;
        switch (option)
        {
            case ManualFailoverOption.Takeover:
                Log("Taking over the master (user request).");
                BumpConfigEpochWithoutConsensus();
                ReplaceMaster(master, _peerConfigEpoch[_me]);
                break;
            case ManualFailoverOption.Force:
                // No talk with the primary: the next cron's clusterHandleSlaveFailover starts the election.
                Log("Forced failover user request accepted.");
                _mfCanStart = true;
                break;
            default:
                Log("Manual failover user request accepted.");
                if (_linkCreated[master] != NoTime)
                {
                    _node.SendAsNode(_nodes[master].Id, WithHeader(new ManualFailoverStart()));
                }

                break;
        }

        return "+OK";
    }

    /// <inheritdoc />
    public void OnReplicated()
    {
        if (_mfEnd != NoTime && !_node.IsPrimary)
        {
            HandleManualFailoverNow();
        }
    }

    /// <summary>
    /// MFSTART at the primary (cluster.c l.2583-2603): only from one of its replicas; pauses client writes for
    /// CLUSTER_MF_TIMEOUT × CLUSTER_MF_PAUSE_MULT and pings the replica at once, the PING flagged PAUSED.
    /// </summary>
    private void OnManualFailoverStart(ManualFailoverStart start)
    {
        int sender = start.Sender;
        if (start.SenderIsPrimary || start.SenderMaster != _me || !_node.IsPrimary)
        {
            return;
        }

        ResetManualFailover();
        long now = _sim.Now.Nanoseconds;
        _mfEnd = now + ManualFailoverTimeout;
        _mfReplica = sender;
        _node.PauseWrites(SimTime.FromStart(SimDuration.FromNanoseconds(now + (ManualFailoverTimeout * ManualFailoverPauseMultiplier))));
        Log($"Manual failover requested by replica {NameOf(sender)}.");
        SendPing(sender);
    }

    /// <summary>
    /// Any message from its primary flagged PAUSED gives a replica in a manual failover the offset to reach
    /// (<c>mf_master_offset</c>, cluster.c l.2234-2249).
    /// </summary>
    private void TakePausedOffset(ClusterBusMessage message)
    {
        if (_mfEnd == NoTime || _node.IsPrimary || !message.Paused || message.Sender != MyMaster() || _mfMasterOffset != -1)
        {
            return;
        }

        _mfMasterOffset = message.Offset;
        Log($"Received replication offset for paused master manual failover: {_mfMasterOffset}");
        HandleManualFailoverNow();
    }

    /// <summary>
    /// <c>clusterHandleManualFailover</c> then <c>clusterHandleSlaveFailover</c>, as <c>clusterBeforeSleep</c> runs them
    /// (cluster.c l.3914-3930, l.4250-4258): checked whenever the offset may have moved, not at the next cron.
    /// </summary>
    private void HandleManualFailoverNow()
    {
        HandleManualFailover();
        HandleReplicaFailover();
    }

    private void HandleManualFailover()
    {
        if (_mfEnd == NoTime || _mfCanStart || _mfMasterOffset == -1 || _mfMasterOffset != _node.Offset)
        {
            return;
        }

        _mfCanStart = true;
        Log("All master replication stream processed, manual failover can start.");
    }

    /// <summary><c>manualFailoverCheckTimeout</c> (cluster.c l.3905-3910): the attempt ends CLUSTER_MF_TIMEOUT after it began.</summary>
    private void CheckManualFailoverTimeout()
    {
        if (_mfEnd != NoTime && _mfEnd < _sim.Now.Nanoseconds)
        {
            Log("Manual failover timed out.");
            ResetManualFailover();
        }
    }

    /// <summary><c>resetManualFailover</c> (cluster.c l.3892-3902): a primary that paused its writers lets them run.</summary>
    private void ResetManualFailover()
    {
        if (_mfReplica >= 0)
        {
            _node.UnpauseWrites();
        }

        ForgetManualFailover();
    }

    /// <summary>The manual failover's state, gone (also with the process's memory).</summary>
    private void ForgetManualFailover()
    {
        _mfEnd = NoTime;
        _mfCanStart = false;
        _mfReplica = -1;
        _mfMasterOffset = -1;
    }

    /// <summary>
    /// <c>clusterBumpConfigEpochWithoutConsensus</c> (cluster.c l.1324-1341): unless this node's configEpoch is already
    /// the largest one known, a new currentEpoch becomes its configEpoch.
    /// </summary>
    private void BumpConfigEpochWithoutConsensus()
    {
        long max = _currentEpoch;
        for (int i = 0; i < _peerConfigEpoch.Length; i++)
        {
            max = Math.Max(max, _peerConfigEpoch[i]);
        }

        if (_peerConfigEpoch[_me] == 0 || _peerConfigEpoch[_me] != max)
        {
            _currentEpoch++;
            _peerConfigEpoch[_me] = _currentEpoch;
            Log($"New configEpoch set to {_currentEpoch}");
        }
    }
}
