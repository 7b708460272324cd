using System.Globalization;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Terminal;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// The report's one table across paths: what happened to the writes (acknowledged, lost, failed, unknown), how long
/// no write was acknowledged, the failover and split brain, and only then the latency of the acknowledged writes, so a
/// good P99 never stands without the writes it leaves out. Then the scenario's <c>expect:</c> claims, metric named.
/// </summary>
internal static class ReportComparison
{
    /// <summary>The table's headers, in column order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "path", "acked", "lost", "failed", "unknown", "no ack s", "worst client no ack s",
        "failover client s", "failover control s", "split brain s", "P50 ms", "P99 ms", "P99.9 ms",
    ];

    /// <summary>Writes the comparison and the claims.</summary>
    public static void Write(RunReport report, IReportWriter w)
    {
        w.Heading(2, "Comparison");
        w.Table(Headers, report.Paths.Select(Row), Enumerable.Range(1, Headers.Count - 1).ToHashSet());
        w.Paragraph(
            "acked: writes a client got a success reply for. lost: acknowledged writes absent from the final dataset, "
            + "after every fault healed and replication converged (share of acked). failed: error replies; unknown: "
            + "writes whose outcome the client never learned. no ack s: the stretches longer than 1 s in which no "
            + "client got any write acknowledged; worst client: the same for the client that had most. failover "
            + "client s: fault to the first write acknowledged by the new primary; control s: fault to the promotion "
            + "(\"never\" when the path did not fail over). split brain s: how long two nodes accepted writes as "
            + "primary. P50/P99/P99.9: latency from each write's intended start (no coordinated omission) of "
            + "acknowledged writes only: read them beside failed, unknown and no ack s.");
        Expectations(report, w);
    }

    /// <summary>The cells of one path's row.</summary>
    public static IReadOnlyList<string> Row(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var writes = result.Writes;
        var availability = result.Availability;
        return
        [
            result.Path,
            RunVerdict.N(writes.Acknowledged),
            $"{RunVerdict.N(writes.AcknowledgedLost)} ({LostShare(writes)})",
            RunVerdict.N(writes.Failed),
            RunVerdict.N(writes.Unknown),
            RunVerdict.Seconds(availability.NoAckSeconds),
            availability.WorstClient is { } c ? $"{RunVerdict.Seconds(availability.WorstClientNoAckSeconds)} ({c})" : RunVerdict.Seconds(0),
            result.Failover?.ClientObservedSeconds is { } client ? RunVerdict.Seconds(client) : "never",
            result.Failover is { } f ? RunVerdict.Seconds(f.ControlPlaneSeconds) : "never",
            RunVerdict.Seconds(result.SplitBrainSeconds),
            Milliseconds(result.Latency.P50, result.Latency.Count),
            Milliseconds(result.Latency.P99, result.Latency.Count),
            Milliseconds(result.Latency.P999, result.Latency.Count),
        ];
    }

    /// <summary>Milliseconds (<see cref="Numbers.Milliseconds"/>): 0.53, 36.40, 2,928.41; "-" with no samples.</summary>
    public static string Milliseconds(double value, long count) => count == 0 ? "-" : Numbers.Milliseconds(value);

    private static string LostShare(WriteCounts writes) => Numbers.Percent(writes.AcknowledgedLost, writes.Acknowledged);

    private static void Expectations(RunReport report, IReportWriter w)
    {
        if (report.Expectations.Count == 0)
        {
            return;
        }

        w.Paragraph("The scenario's expect: claims:");
        w.Table(
            ["claim", "line", "verdict", "actual", "detail"],
            report.Expectations.Select(o => (IReadOnlyList<string>)
            [
                $"{o.Expectation.Path}: {o.Expectation.Metric} {o.Expectation.Text}",
                o.Expectation.Line.ToString(CultureInfo.InvariantCulture),
                o.Status.ToString().ToLowerInvariant(),
                (o.Actual is { } a ? Numbers.Judged(a) : "-")
                    + (o.Compared is { } c ? $" ({o.Expectation.RelativeTo}: {Numbers.Judged(c)})" : ""),
                o.Detail,
            ]));
    }
}
