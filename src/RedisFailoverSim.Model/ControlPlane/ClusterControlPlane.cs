using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>
/// ElastiCache's control plane with cluster mode enabled (docs/sources.md §4.9): outside the data plane like
/// <see cref="ManagedControlPlane"/> (a regional member, ASSUMPTION A33, with its options A15, A16, A19, A20, A90), but
/// it promotes nobody: the cluster bus fails a shard over itself ("the Redis cluster detects the failure and promotes
/// a replica", docs/sources.md §4.1), and there is no primary endpoint to re-point (clients use the configuration
/// endpoint and CLUSTER SLOTS). ASSUMPTION A141: per shard it does what the bus cannot: it health-checks every node,
/// declares one failed after the detection time, takes a declared-failed primary that still runs offline (fencing, A19,
/// when a replica of its shard answers and could take over), and replaces failed nodes with new replicas of their
/// shard's primary in their own AZ, once that AZ has power (docs/sources.md §4.2). Split by concern: planned
/// replacement and reboots in <c>ClusterControlPlane.Maintenance.cs</c>.
/// </summary>
public sealed partial class ClusterControlPlane : HealthCheckedControlPlane
{
    private readonly IReadOnlyList<ClusterBusAgent> _agents;
    private readonly IReadOnlyList<int> _nodeShards;
    private readonly bool[] _fencingDecided;
    private readonly bool[] _replacementPostponed;
    private string? _runningPrimaryDeclaredFailed;

    /// <summary>Creates the control plane of a cluster's nodes; call <see cref="Boot"/> once the nodes exist.</summary>
    public ClusterControlPlane(
        SimNetwork network,
        string name,
        ControlPlaneOptions options,
        IReadOnlyList<RedisNode> nodes,
        IReadOnlyList<ClusterBusAgent> agents,
        IReadOnlyList<int> nodeShards,
        RunRecorder recorder,
        AzPowerState azPower)
        : base(network, name, options, nodes, recorder, azPower)
    {
        Invariant.Holds(nodes.Count == agents.Count && nodes.Count == nodeShards.Count);
        _agents = agents;
        _nodeShards = nodeShards;
        _fencingDecided = new bool[nodes.Count];
        _replacementPostponed = new bool[nodes.Count];
    }

    /// <summary>How many primaries the control plane declared failed while they still ran (A19 decided what followed).</summary>
    public int RunningPrimariesDeclaredFailed { get; private set; }

    /// <summary>
    /// The "did it bite" fact of a primary declared failed while it still ran, or null when none was: where the fencing
    /// assumption (A19) decides the outcome (the same key as <see cref="ManagedControlPlane.RunningPrimaryFact"/>, so the
    /// assumption band runs both choices).
    /// </summary>
    public BiteFact? RunningPrimaryFact => _runningPrimaryDeclaredFailed is { } detail
        ? new BiteFact(ManagedControlPlane.RunningPrimaryFactKey, true, detail + "; fencing: " + (_options.Fencing == Specs.Fencing.None ? "none" : "power-off"))
        : null;

    /// <summary>True when no planned failover or reboot is under way.</summary>
    public bool Settled
    {
        get
        {
            if (_plannedFailoverInProgress)
            {
                return false;
            }

            for (int i = 0; i < _rebootingRunId.Length; i++)
            {
                if (_rebootingRunId[i] is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Starts health-checking; the first round comes after <paramref name="phase"/>.</summary>
    public void Boot(SimDuration phase) => StartHealthChecks(phase);

    /// <inheritdoc />
    private protected override void OnAnswersAgain(int i)
    {
        _fencingDecided[i] = false;
        _replacementPostponed[i] = false;
    }

    /// <summary>Once per health-check round: declare failures, fence, replace.</summary>
    private protected override void Evaluate()
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            bool failing = Sim.Now - _lastReply[i] >= _options.FailureDetection && _rebootingRunId[i] is null;
            if (failing && !_failed[i])
            {
                _failed[i] = true;
                Emit($"{_nodes[i].Name} failed every health check for {RunRecorder.Format(Sim.Now - _lastReply[i])}: declared failed");
            }

            if (_failed[i] && !_fencingDecided[i] && _lastInfo[i] is { IsPrimary: true } && _nodes[i].Host is HostState.Up or HostState.Paused)
            {
                DecideFencing(i);
            }
        }

        ReplaceFailedNodes();
    }

    /// <summary>
    /// A primary declared failed while it still runs (it only failed its health checks, e.g. behind a partition):
    /// ASSUMPTION A141 applies A19 per shard. As the cluster-mode-disabled control plane fences only when it fails over
    /// to a replica that answers, this one fences only while a replica of the same shard answers (one the bus can
    /// promote); power-off takes it offline at once or after the fencing delay (A90), none leaves it to the bus, which
    /// stops its writes once it is in the minority and demotes it at the heal.
    /// </summary>
    private void DecideFencing(int i)
    {
        var node = _nodes[i];
        if (!HasAnsweringReplica(i))
        {
            return;
        }

        _fencingDecided[i] = true;
        _runningPrimaryDeclaredFailed ??= $"{_options.Label} declared primary {node.Name} failed at {RunRecorder.Format(Sim.Now - SimTime.Zero)} while it still ran (its health checks went unanswered)";
        RunningPrimariesDeclaredFailed++;

        // Only a node that still acts as a primary is fenced after the delay: the bus may have demoted it meanwhile.
        ApplyFencing(node, "the cluster bus decides what becomes of it", "at once", "after it was declared failed", () => _failed[node.NodeIndex]);
    }

    private bool HasAnsweringReplica(int failed)
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (i != failed && _nodeShards[i] == _nodeShards[failed] && IsFresh(i) && _lastInfo[i] is { IsPrimary: false } && _nodes[i].Host == HostState.Up)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Launches a replacement for every node down past the replacement delay (A20), in its own AZ once that AZ has
    /// power: a new replica of its shard's primary (the node of the shard that answers as primary), or, when no node of
    /// the shard runs, the shard's primary again, empty ("all data lost", docs/sources.md §4.2).
    /// </summary>
    private void ReplaceFailedNodes()
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            bool down = node.Host is HostState.ProcessDown or HostState.PoweredOff;
            if (!_failed[i] || !down)
            {
                _replacementDue[i] = _failed[i] ? _replacementDue[i] : SimTime.MaxValue;
                continue;
            }

            if (_replacementDue[i] == SimTime.MaxValue)
            {
                _replacementDue[i] = Sim.Now + _options.ReplacementDelay;
            }
            else if (Sim.Now >= _replacementDue[i] && !_azPower.IsOff(node.AzIndex))
            {
                Replace(i);
            }
        }
    }

    private void Replace(int i)
    {
        var node = _nodes[i];
        int primary = AnsweringPrimaryOfShard(_nodeShards[i]);
        if (primary >= 0)
        {
            _agents[i].JoinAsReplacementOf(_nodes[primary]);
            node.Restart();
            Emit($"replacement for {node.Name} launched in {Network.Azs[node.AzIndex]}: a new replica of {_nodes[primary].Name}, it syncs from it");
        }
        else if (!AnyNodeOfShardUp(_nodeShards[i]))
        {
            node.Reconfigure(MemberId.None);
            node.Restart();
            Emit($"replacement for {node.Name} launched empty as its shard's primary (no node of the shard survived)");
        }
        else
        {
            if (!_replacementPostponed[i])
            {
                _replacementPostponed[i] = true;
                Emit($"replacement for {node.Name} waits: no node of its shard answers as primary yet");
            }

            return;
        }

        _replacementDue[i] = SimTime.MaxValue;
        _replacementPostponed[i] = false;
        _lastReply[i] = Sim.Now;
        _failed[i] = false;
        _fencingDecided[i] = false;
    }

    /// <summary>
    /// The node of <paramref name="shard"/> that answers health checks as primary; when two do (the old one behind a
    /// partition the control plane sees across), the one most running nodes' slot maps name, the bus's configuration.
    /// </summary>
    private int AnsweringPrimaryOfShard(int shard)
    {
        int best = -1;
        int bestVotes = -1;
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodeShards[i] != shard || !IsFresh(i) || _lastInfo[i] is not { IsPrimary: true } || _nodes[i].Host != HostState.Up)
            {
                continue;
            }

            int votes = 0;
            for (int k = 0; k < _agents.Count; k++)
            {
                votes += _nodes[k].Host == HostState.Up && _agents[k].OwnerOf(shard) == i ? 1 : 0;
            }

            if (votes > bestVotes)
            {
                best = i;
                bestVotes = votes;
            }
        }

        return best;
    }

    private bool AnyNodeOfShardUp(int shard)
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodeShards[i] == shard && _nodes[i].Host is not (HostState.ProcessDown or HostState.PoweredOff))
            {
                return true;
            }
        }

        return false;
    }
}
