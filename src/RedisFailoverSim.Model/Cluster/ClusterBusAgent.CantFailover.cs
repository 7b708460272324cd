namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// <c>clusterLogCantFailover</c> (redis/redis src/cluster_legacy.c, docs/sources.md §3.12): why a replica of a failed
/// primary is not failing over, logged once per reason and again every 10 s while it lasts, and not at all in the
/// node timeout + 5 s after its primary was flagged FAIL (the function is for replicas stalled a long time).
/// </summary>
public sealed partial class ClusterBusAgent
{
    /// <summary><c>CLUSTER_CANT_FAILOVER_RELOG_PERIOD</c>, cluster_legacy.h: 10 s.</summary>
    private const long RelogPeriodSeconds = 10;

    private CantFailover _cantFailoverReason = CantFailover.None;
    private long _cantFailoverLogSecond = NoTime;

    /// <summary>The <c>CLUSTER_CANT_FAILOVER_*</c> reasons.</summary>
    private enum CantFailover
    {
        None,
        DataAge,
        WaitingDelay,
        Expired,
        WaitingVotes,
    }

    private void LogCantFailover(CantFailover reason, int master)
    {
        // time(NULL): whole seconds. ASSUMPTION A136: simulated time 0 falls on a whole second of the wall clock.
        long second = _sim.Now.Nanoseconds / 1_000_000_000;
        if (reason == _cantFailoverReason && _cantFailoverLogSecond != NoTime && second - _cantFailoverLogSecond < RelogPeriodSeconds)
        {
            return;
        }

        _cantFailoverReason = reason;
        long noLogAfterFail = _nodeTimeout + 5_000_000_000;
        if (master >= 0 && (_flags[master] & PeerFlags.Failing) != 0 && _sim.Now.Nanoseconds - _failTime[master] < noLogAfterFail)
        {
            return;
        }

        _cantFailoverLogSecond = second;
        Log("Currently unable to failover: " + reason switch
        {
            CantFailover.DataAge => "Disconnected from master for longer than allowed.",
            CantFailover.WaitingDelay => "Waiting the delay before I can start a new failover.",
            CantFailover.Expired => "Failover attempt expired.",
            CantFailover.WaitingVotes => "Waiting for votes, but majority still not reached.",
            _ => "Unknown reason code.",
        });
    }
}
