using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// For a Redis Cluster run, the comparison split by shard: each shard's writes, loss, its own failover and latency,
/// then the path's total, so a reader sees which shard lost what and that the other shards did not fail over.
/// </summary>
internal static class ReportShards
{
    /// <summary>The table's headers, in column order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "shard", "acked", "lost", "failed", "unknown", "failover client s", "failover control s", "promoted",
        "P50 ms", "P99 ms", "P99.9 ms",
    ];

    /// <summary>Writes a table per sharded path (nothing for other paths).</summary>
    public static void Write(RunReport report, IReportWriter w)
    {
        var sharded = report.Paths.Where(p => p.Shards is not null).ToList();
        if (sharded.Count == 0)
        {
            return;
        }

        w.Heading(3, "By shard");
        foreach (var result in sharded)
        {
            var rows = result.Shards!.Select(Row).Append(Total(result)).ToList();
            w.Paragraph(result.Path + ":" + SettingsSentence(result));
            w.Table(Headers, rows, Enumerable.Range(1, Headers.Count - 1).Where(i => i != 7).ToHashSet());
            var refusals = Timeline.ClusterDownStretches.Sentences(result);
            if (refusals.Count > 0)
            {
                w.Paragraph($"{result.Path}: primaries refusing writes with -CLUSTERDOWN while their own cluster state was FAIL: "
                    + string.Join("; ", refusals) + ".");
            }
        }

        w.Paragraph(
            "Each client holds a connection per shard carrying the writes whose keys hash to that shard's slots; a "
            + "shard's failover runs from the first fault to the first promotion of one of its own nodes (\"-\": none "
            + "of them was promoted). The shards' counts add up to the total row.");
    }

    /// <summary>
    /// The <c>cluster-*</c> keys the path ran with, which differ by path when the scenario left them out (Redis OSS's
    /// and ElastiCache's defaults, docs/sources.md §3.2, §4.9); empty for a hand-built result without them.
    /// </summary>
    public static string SettingsSentence(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ClusterSettings is not { } c)
        {
            return "";
        }

        var timeout = (c.NodeTimeout.Nanoseconds / 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $" cluster-node-timeout {timeout} ms, cluster-require-full-coverage {YesNo(c.RequireFullCoverage)}, "
            + $"cluster-replica-validity-factor {c.ReplicaValidityFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)}, "
            + $"cluster-allow-reads-when-down {YesNo(c.AllowReadsWhenDown)}, cluster-replica-no-failover {YesNo(c.ReplicaNoFailover)}.";
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>The cells of one shard's row.</summary>
    public static IReadOnlyList<string> Row(ShardResult shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return Cells(RunVerdict.N(shard.Shard), shard);
    }

    // The path's total row reads the same columns from the path's own numbers.
    private static IReadOnlyList<string> Total(PathResult result)
    {
        var w = result.Writes;
        return Cells("total", new ShardResult(0, w.Attempted, w.Acknowledged, w.AcknowledgedLost, w.Failed, w.Unknown, result.Failover, result.Latency));
    }

    private static IReadOnlyList<string> Cells(string label, ShardResult shard) =>
    [
        label,
        RunVerdict.N(shard.Acknowledged),
        $"{RunVerdict.N(shard.AcknowledgedLost)} ({Share(shard.AcknowledgedLost, shard.Acknowledged)})",
        RunVerdict.N(shard.Failed),
        RunVerdict.N(shard.Unknown),
        shard.Failover is null ? "-" : shard.Failover.ClientObservedSeconds is { } c ? RunVerdict.Seconds(c) : "never",
        shard.Failover is { } f ? RunVerdict.Seconds(f.ControlPlaneSeconds) : "-",
        shard.Failover?.NewPrimary ?? "-",
        ReportComparison.Milliseconds(shard.Latency.P50, shard.Latency.Count),
        ReportComparison.Milliseconds(shard.Latency.P99, shard.Latency.Count),
        ReportComparison.Milliseconds(shard.Latency.P999, shard.Latency.Count),
    ];

    private static string Share(long lost, long acknowledged) => acknowledged == 0
        ? "0%"
        : (100.0 * lost / acknowledged).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
