using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>Computes a real run's metrics with the model's definitions (ResultBuilder.cs), from the ledger, events and final set.</summary>
internal sealed class RealMetricsBuilder
{
    private readonly WorldSpec _spec;
    private readonly LocalCluster _cluster;
    private readonly RealLedger _ledger;
    private readonly HashSet<int> _present;

    /// <summary>Collects what the metrics are computed from.</summary>
    public RealMetricsBuilder(WorldSpec spec, LocalCluster cluster, RealLedger ledger, HashSet<int> present)
    {
        _spec = spec;
        _cluster = cluster;
        _ledger = ledger;
        _present = present;
    }

    /// <summary>The run's metrics.</summary>
    public RunMetrics Build(ulong run, IReadOnlyList<RealFaultWindow> faults, IReadOnlyList<SentinelEvent> events, RolePoller roles, bool converged, double endSeconds)
    {
        var tally = LedgerTally.Of(_ledger, _present);
        double? faultStart = faults.Count == 0 ? null : faults.Min(f => f.FromSeconds);
        var (newPrimary, controlPlane, promotion, clientObserved) = Failover(faultStart, events);
        return tally.ToMetrics(
            run,
            _ledger.Issued,
            newPrimary?.Name,
            controlPlane,
            promotion,
            clientObserved,
            faultStart is { } from ? roles.SplitBrainSeconds(from, endSeconds) : 0,
            converged);
    }

    /// <summary>Every write, with its node names resolved.</summary>
    public IReadOnlyList<RealWrite> Writes()
    {
        var writes = new List<RealWrite>(_ledger.Count);
        for (int id = 0; id < _ledger.Count; id++)
        {
            var outcome = _ledger.Outcome(id);
            double latency = outcome == WriteOutcome.Pending ? 0 : (_ledger.Completed(id) - _ledger.IntendedStart(id)) * 1000;
            writes.Add(new RealWrite(
                id,
                _spec.Clients[_ledger.Client(id)].Name,
                Math.Round(_ledger.IntendedStart(id), 6),
                Math.Round(latency, 3),
                outcome,
                _cluster.NodeByFrontPort(_ledger.AckedByPort(id))?.Name,
                _present.Contains(id)));
        }

        return writes;
    }

    /// <summary>
    /// The first <c>+switch-master</c> after the fault names the new primary: control plane = fault → it;
    /// promotion = fault → the first <c>+failover-state-wait-promotion</c> (REPLICAOF NO ONE sent); client-observed = fault → the first write that node acknowledged.
    /// </summary>
    private (ServerMember? NewPrimary, double? ControlPlane, double? Promotion, double? ClientObserved) Failover(double? faultStart, IReadOnlyList<SentinelEvent> events)
    {
        if (faultStart is not { } start)
        {
            return (null, null, null, null);
        }

        var switchMaster = events.FirstOrDefault(e => e.Channel == "+switch-master" && e.Seconds >= start);
        if (switchMaster is null)
        {
            return (null, null, null, null);
        }

        // "mymaster <old ip> <old port> <new ip> <new port>"
        var words = switchMaster.Message.Split(' ');
        var newPrimary = words.Length == 5 ? _cluster.NodeByFrontPort(int.Parse(words[4], CultureInfo.InvariantCulture)) : null;
        // The leader emits +failover-state-wait-promotion right after sending the chosen replica REPLICAOF NO ONE
        // (with CONFIG REWRITE and CLIENT KILL, in one MULTI): on loopback the replica is primary within a millisecond.
        // +promoted-slave comes later, when the leader's next INFO (1 s period) sees the new role.
        var promoted = events.FirstOrDefault(e => e.Channel == "+failover-state-wait-promotion" && e.Seconds >= start);
        double? clientObserved = null;
        if (newPrimary is not null)
        {
            for (int id = 0; id < _ledger.Count; id++)
            {
                if (_ledger.Outcome(id) == WriteOutcome.Ok && _ledger.AckedByPort(id) == newPrimary.FrontPort && _ledger.Completed(id) >= start)
                {
                    double at = _ledger.Completed(id) - start;
                    clientObserved = clientObserved is { } best ? Math.Min(best, at) : at;
                }
            }
        }

        return (newPrimary, Round(switchMaster.Seconds - start), promoted is null ? null : Round(promoted.Seconds - start), clientObserved is { } c ? Round(c) : null);
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
