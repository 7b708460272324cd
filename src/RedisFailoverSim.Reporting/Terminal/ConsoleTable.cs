using RedisFailoverSim.Model.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RedisFailoverSim.Reporting.Terminal;

/// <summary>
/// The terminal table (one row per path: acknowledged, lost, failed, unknown, failover, latency percentiles,
/// split brain) and the Jepsen-style summary lines under it (docs/sources.md §15.2). Numbers are invariant.
/// </summary>
public static class ConsoleTable
{
    /// <summary>What a cell shows when a metric has no value (no failover happened).</summary>
    public const string None = "-";

    /// <summary>The table of results, one row per path in the order given.</summary>
    public static Table Build(IReadOnlyList<PathResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("path"));
        foreach (var header in new[]
        {
            "acked", "lost", "failed", "unknown", "failover\nclient s", "failover\ncontrol s",
            "P50 ms", "P99 ms", "P99.9 ms", "split\nbrain s",
        })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var result in results)
        {
            table.AddRow(Row(result).Select(cell => (IRenderable)new Text(cell)).ToArray());
            foreach (var shard in result.Shards ?? [])
            {
                table.AddRow(ShardRow(shard).Select(cell => (IRenderable)new Text(cell)).ToArray());
            }
        }

        return table;
    }

    /// <summary>The cells of one path's row, as plain text (what <see cref="Build"/> shows).</summary>
    public static IReadOnlyList<string> Row(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var writes = result.Writes;
        return
        [
            result.Path,
            Count(writes.Acknowledged),
            $"{Count(writes.AcknowledgedLost)} ({LostPercent(writes)})",
            Count(writes.Failed),
            Count(writes.Unknown),
            result.Failover is null ? None : Seconds(result.Failover.ClientObservedSeconds),
            result.Failover is null ? None : Seconds(result.Failover.ControlPlaneSeconds),
            Milliseconds(result.Latency.P50, result.Latency.Count),
            Milliseconds(result.Latency.P99, result.Latency.Count),
            Milliseconds(result.Latency.P999, result.Latency.Count),
            Seconds(result.SplitBrainSeconds),
        ];
    }

    /// <summary>
    /// The cells of one shard's row under its path's (a Redis Cluster): the shard's writes, its own failover and
    /// latency; split brain is the path's.
    /// </summary>
    public static IReadOnlyList<string> ShardRow(ShardResult shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return
        [
            "  shard " + Count(shard.Shard),
            Count(shard.Acknowledged),
            $"{Count(shard.AcknowledgedLost)} ({Percent(shard.AcknowledgedLost, shard.Acknowledged)})",
            Count(shard.Failed),
            Count(shard.Unknown),
            shard.Failover is null ? None : Seconds(shard.Failover.ClientObservedSeconds),
            shard.Failover is null ? None : Seconds(shard.Failover.ControlPlaneSeconds),
            Milliseconds(shard.Latency.P50, shard.Latency.Count),
            Milliseconds(shard.Latency.P99, shard.Latency.Count),
            Milliseconds(shard.Latency.P999, shard.Latency.Count),
            None,
        ];
    }

    /// <summary>
    /// Jepsen's four-line set summary for one path ("Call me maybe", 2013), e.g.
    /// <c>2,000 total</c> / <c>1,998 acknowledged</c> / <c>872 survivors</c> /
    /// <c>1,126 acknowledged writes lost (56.4%)</c>, the first line also saying how many failed or were unknown.
    /// </summary>
    public static IReadOnlyList<string> Summary(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var writes = result.Writes;
        string[] duplicates = writes.Duplicated == 0 ? [] :
        [
            $"{Count(writes.Duplicated)} applied twice (re-sent after a reconnect; {Count(writes.DuplicatedAcknowledged)} acknowledged once but applied twice)",
        ];
        string[] waits = writes.WaitConfirmed + writes.WaitShort == 0 ? [] :
        [
            $"{Count(writes.WaitConfirmed)} confirmed by WAIT, of which {Count(writes.WaitConfirmedLost)} lost; "
                + $"{Count(writes.WaitShort)} whose WAIT answered fewer replicas than asked",
        ];
        return
        [
            $"{Count(writes.Attempted)} total ({Count(writes.Failed)} failed, {Count(writes.Unknown)} unknown "
                + $"of which {Count(writes.UnknownPresent)} survived)",
            $"{Count(writes.Acknowledged)} acknowledged",
            $"{Count(writes.Acknowledged - writes.AcknowledgedLost)} survivors",
            $"{Count(writes.AcknowledgedLost)} acknowledged writes lost ({LostPercent(writes)})",
            .. duplicates,
            .. waits,
        ];
    }

    /// <summary>Lost as a share of acknowledged (<see cref="Numbers.Percent(long, long)"/>): <c>56.4%</c>.</summary>
    public static string LostPercent(WriteCounts writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return Numbers.Percent(writes.AcknowledgedLost, writes.Acknowledged);
    }

    private static string Percent(long lost, long acknowledged) => Numbers.Percent(lost, acknowledged);

    private static string Count(long value) => Numbers.Count(value);

    private static string Seconds(double? value) => value is { } v ? Numbers.Seconds(v) : "never";

    private static string Milliseconds(double value, long count) => count == 0 ? None : Numbers.Milliseconds(value);
}
