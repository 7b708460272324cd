namespace RedisFailoverSim.Model.Metrics;

/// <summary>Turns the recorded cluster-state changes of a run into each node's FAIL intervals.</summary>
internal static class ClusterStateTimeline
{
    /// <summary>
    /// Each node's FAIL intervals, node by node in index order and then in time order; null when no cluster bus
    /// recorded a state (a run without a cluster, or MemoryDB's log-driven shards), so such results keep their bytes.
    /// </summary>
    public static List<ClusterStateInterval>? FailIntervals(RunRecorder recorder, double endSeconds)
    {
        if (!recorder.HasClusterState)
        {
            return null;
        }

        var result = new List<ClusterStateInterval>();
        for (int node = 0; node < recorder.NodeNames.Count; node++)
        {
            double? failSince = null;
            foreach (var (changed, at, ok) in recorder.ClusterStateChanges)
            {
                if (changed != node)
                {
                    continue;
                }

                // Rounded as the trace's event times are, so a stretch starts and ends on its log lines' instants.
                double t = Math.Round(at / 1e9, 6);
                if (!ok && failSince is null)
                {
                    failSince = t;
                }
                else if (ok && failSince is { } since)
                {
                    result.Add(new ClusterStateInterval(recorder.NodeNames[node], since, t));
                    failSince = null;
                }
            }

            if (failSince is { } open)
            {
                result.Add(new ClusterStateInterval(recorder.NodeNames[node], open, Math.Max(open, endSeconds)));
            }
        }

        return result;
    }
}
