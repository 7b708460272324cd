using System.Globalization;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Reporting.Timeline;

/// <summary>
/// The stretches in which a Redis Cluster primary refused writes because its own cluster state was FAIL (it answered
/// -CLUSTERDOWN): with <c>cluster-require-full-coverage yes</c> the primaries of the other shards too, while one
/// shard's slots are unserved (issue 19: "other shards' availability during one shard's failover").
/// </summary>
internal static class ClusterDownStretches
{
    /// <summary>
    /// Each node's primary intervals cut by <see cref="PathResult.ClusterStateFail"/>, adjacent pieces joined, in node
    /// then time order (none without a cluster bus).
    /// </summary>
    public static List<(string Node, double From, double To)> For(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stretches = new List<(string Node, double From, double To)>();
        foreach (var fail in result.ClusterStateFail ?? [])
        {
            foreach (var r in result.Roles.Where(r => r.Node == fail.Node && r.Role == NodeRole.Primary).OrderBy(r => r.FromSeconds))
            {
                double from = Math.Max(fail.FromSeconds, r.FromSeconds), to = Math.Min(fail.ToSeconds, r.ToSeconds);
                if (to <= from)
                {
                    continue;
                }

                // A primary interval split only by an isolation change is one refusal.
                if (stretches.Count > 0 && stretches[^1].Node == fail.Node && stretches[^1].To >= from)
                {
                    stretches[^1] = (fail.Node, stretches[^1].From, to);
                }
                else
                {
                    stretches.Add((fail.Node, from, to));
                }
            }
        }

        return stretches;
    }

    /// <summary>
    /// One sentence per shard whose primary refused writes: "shard 2: n2.1 refused writes 35.2–41.3 s (cluster state
    /// fail)", shards in order; empty without such a stretch.
    /// </summary>
    public static List<string> Sentences(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byShard = For(result)
            .Select(s => (Shard: ShardOf(result, s.Node), s.Node, s.From, s.To))
            .GroupBy(s => s.Shard)
            .OrderBy(g => g.Key);
        var sentences = new List<string>();
        foreach (var shard in byShard)
        {
            var parts = shard.GroupBy(s => s.Node, StringComparer.Ordinal).Select(n =>
                $"{n.Key} refused writes {string.Join(", ", n.Select(s => $"{Seconds(s.From)}–{Seconds(s.To)} s"))}");
            sentences.Add($"shard {shard.Key + 1}: {string.Join("; ", parts)} (cluster state fail)");
        }

        return sentences;
    }

    private static int ShardOf(PathResult result, string node)
    {
        int index = result.Nodes.ToList().IndexOf(node);
        return result.NodeShards is { } shards && index >= 0 ? shards[index] : 0;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
