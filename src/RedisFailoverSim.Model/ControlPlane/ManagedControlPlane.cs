using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>
/// A managed service's control plane, outside the data plane (a regional member, cross-AZ from every node and outside
/// every partition group unless one names it, ASSUMPTION A33): it
/// health-checks every node with INFO, declares a node failed after a detection time, fails the primary over to
/// the replica with the least replication lag, re-points the primary endpoint, reconciles stray roles, and
/// replaces failed nodes after minutes, once their AZ has power (docs/sources.md §4.2). The ElastiCache and Serverless
/// paths assemble it with their own options; Sentinel (self-hosted) is its open-source sibling. It manages the nodes
/// it is given, indexed in that list: a single shard's world, or one shard of a cluster (Serverless, ASSUMPTION A152).
/// </summary>
public sealed partial class ManagedControlPlane : HealthCheckedControlPlane
{
    private readonly EndpointRecord _endpoint;
    private int _primary;
    private SimTime _primaryChangedAt;
    private SimTime _noPrimarySince = SimTime.MaxValue;
    private bool _reportedNoCandidate;
    private string? _runningPrimaryFailedOver;

    /// <summary>Creates the control plane; call <see cref="Boot"/> once the nodes exist.</summary>
    public ManagedControlPlane(
        SimNetwork network,
        string name,
        ControlPlaneOptions options,
        IReadOnlyList<RedisNode> nodes,
        EndpointRecord endpoint,
        RunRecorder recorder,
        AzPowerState azPower)
        : base(network, name, options, nodes, recorder, azPower)
    {
        _endpoint = endpoint;
    }

    /// <summary>What the control plane is doing.</summary>
    public ControlPlanePhase Phase { get; private set; }

    /// <summary>The node the control plane considers primary.</summary>
    public RedisNode Primary => _nodes[_primary];

    /// <summary>The key of <see cref="RunningPrimaryFact"/>.</summary>
    public const string RunningPrimaryFactKey = "failedOverRunningPrimary";

    /// <summary>How many times the control plane failed over from a primary that still ran (A19 decided what followed).</summary>
    public int RunningPrimariesFailedOver { get; private set; }

    /// <summary>
    /// The "did it bite" fact of a failover from a primary that still ran, or null when none happened: where the
    /// fencing assumption (A19) decides the outcome.
    /// </summary>
    public BiteFact? RunningPrimaryFact => _runningPrimaryFailedOver is { } detail
        ? new BiteFact(RunningPrimaryFactKey, true, detail + "; fencing: " + (_options.Fencing == Specs.Fencing.None ? "none" : "power-off"))
        : null;

    /// <summary>The endpoint it re-points.</summary>
    public EndpointRecord Endpoint => _endpoint;

    /// <summary>True when no failover or reboot is under way and the endpoint names the control plane's primary.</summary>
    public bool Settled
    {
        get
        {
            if (Phase != ControlPlanePhase.Monitoring || _endpoint.Current != _nodes[_primary].Id)
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

    /// <summary>
    /// Starts health-checking, with <paramref name="primary"/> as the primary; the first round comes after
    /// <paramref name="phase"/>, so the checks are not aligned with the scenario's whole-second fault times.
    /// </summary>
    public void Boot(RedisNode primary, SimDuration phase)
    {
        _primary = IndexOf(primary.Id);
        StartHealthChecks(phase);
    }

    /// <summary>The node acting as primary now: the control plane's, if it is up and primary; else any live primary.</summary>
    public RedisNode? CurrentPrimary()
    {
        var primary = _nodes[_primary];
        if (primary.IsPrimary && primary.Host == HostState.Up)
        {
            return primary;
        }

        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i].IsPrimary && _nodes[i].Host == HostState.Up)
            {
                return _nodes[i];
            }
        }

        return null;
    }

    /// <summary>Once per health-check round: declare failures, fail over, reconcile, replace.</summary>
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
        }

        if (Phase == ControlPlanePhase.Monitoring && _failed[_primary])
        {
            TryStartFailover(includeCurrent: false);
        }

        if (Phase == ControlPlanePhase.Monitoring && IsFresh(_primary))
        {
            Reconcile();
        }

        ReplaceFailedNodes();
    }

    /// <summary>Puts every reachable node in its place: one primary (the control plane's), the others its replicas.</summary>
    private void Reconcile()
    {
        var primary = _nodes[_primary];
        if (_lastInfo[_primary] is not { IsPrimary: true })
        {
            FollowObservedPrimary();
            return;
        }

        _noPrimarySince = SimTime.MaxValue;

        for (int i = 0; i < _nodes.Count; i++)
        {
            // An answer from before the last change of primary describes the old topology: wait for a fresh one.
            if (i == _primary || !IsFresh(i) || _lastReply[i] <= _primaryChangedAt || _lastInfo[i] is not { } info)
            {
                continue;
            }

            if (info.IsPrimary || info.Master != primary.Id)
            {
                if (info.IsPrimary)
                {
                    Emit($"{_nodes[i].Name} still acts as a primary: demoting it to a replica of {primary.Name}");
                }

                _nodes[i].Reconfigure(primary.Id);
                Send(_nodes[i].Id, new ReplicaOfCommand(primary.Id));
            }
        }
    }

    /// <summary>
    /// The control plane's primary answers as a replica (a coordinated failover completed after the control plane
    /// gave up on it): when exactly one node answers as primary, the control plane and the endpoint follow it.
    /// </summary>
    private void FollowObservedPrimary()
    {
        int observed = -1;
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (IsFresh(i) && _lastReply[i] > _primaryChangedAt && _lastInfo[i] is { IsPrimary: true })
            {
                if (observed >= 0)
                {
                    return;
                }

                observed = i;
            }
        }

        if (_lastReply[_primary] <= _primaryChangedAt)
        {
            return;
        }

        if (observed >= 0)
        {
            _noPrimarySince = SimTime.MaxValue;
            var node = _nodes[observed];
            Emit($"{_nodes[_primary].Name} answers as a replica and {node.Name} as the primary: following {node.Name}");
            node.Reconfigure(MemberId.None);
            SetPrimary(node);
            Repoint(node);
            return;
        }

        // No node acts as primary (e.g. a promotion was abandoned and the nodes came back following each other):
        // once that has lasted two rounds, promote the replica with the least lag, the current primary included.
        if (_noPrimarySince == SimTime.MaxValue)
        {
            _noPrimarySince = Sim.Now;
        }
        else if (Sim.Now - _noPrimarySince >= _options.HealthCheckInterval * 2)
        {
            _noPrimarySince = SimTime.MaxValue;
            Emit("no node acts as primary");
            TryStartFailover(includeCurrent: true);
        }
    }

    private void SetPrimary(RedisNode node)
    {
        _primary = IndexOf(node.Id);
        _primaryChangedAt = Sim.Now;
    }

    private void Repoint(RedisNode node)
    {
        _endpoint.PointTo(node.Id);
        _recorder.SwitchMaster();
        Emit($"{_endpoint.Name} now answers {node.Name}");
    }
}
