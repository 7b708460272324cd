using System.Text;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Reporting.Results;

/// <summary>
/// Writes <c>results.csv</c>: a header and one row per path, columns in the fixed order of <see cref="Columns"/>
/// (new columns are only ever appended). Units are in the column names (<c>_s</c>, <c>_ms</c>); seconds and
/// milliseconds have 3 decimals; an empty cell means "no value" (e.g. no failover happened); booleans are
/// <c>true</c>/<c>false</c>. A Redis Cluster run adds a row per shard after its path's row, <c>shard</c> set (empty on
/// the path's own row, whose counts are the shards' sums) and only the columns a shard has filled. RFC 4180 quoting, but LF line ends so the bytes are the same on every OS.
/// </summary>
public static class ResultsCsvWriter
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "results.csv";

    /// <summary>The columns, in file order. Documented one by one in the Reporting README.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "path",
        "writes_attempted",
        "writes_acked",
        "writes_acked_lost",
        "writes_failed",
        "writes_unknown",
        "writes_unknown_present",
        "failover_client_observed_s",
        "failover_control_plane_s",
        "write_latency_p50_ms",
        "write_latency_p99_ms",
        "write_latency_p999_ms",
        "write_latency_max_ms",
        "window_write_latency_p50_ms",
        "window_write_latency_p99_ms",
        "window_write_latency_p999_ms",
        "window_write_latency_max_ms",
        "split_brain_s",
        "split_brain_acked_lost",
        "failover_count",
        "final_epoch",
        "converged",
        "scenario",
        "seed",
        "no_ack_s",
        "longest_no_ack_s",
        "worst_client_no_ack_s",
        "shard",
        "writes_duplicated",
        "writes_duplicated_acked",
    ];

    /// <summary>Writes the report to <paramref name="destination"/> (left open).</summary>
    public static void Write(RunReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToCsv(report));
        destination.Write(bytes);
    }

    /// <summary>The file's text.</summary>
    public static string ToCsv(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns)).Append('\n');
        foreach (var path in report.Paths)
        {
            text.Append(string.Join(',', Row(report, path).Select(Quote))).Append('\n');
            foreach (var shard in path.Shards ?? [])
            {
                text.Append(string.Join(',', ShardRow(report, path, shard).Select(Quote))).Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Row(RunReport report, PathResult result)
    {
        // The order here is the order of Columns; ResultsCsvWriterTests pins both.
        yield return result.Path;
        yield return InvariantNumbers.Count(result.Writes.Attempted);
        yield return InvariantNumbers.Count(result.Writes.Acknowledged);
        yield return InvariantNumbers.Count(result.Writes.AcknowledgedLost);
        yield return InvariantNumbers.Count(result.Writes.Failed);
        yield return InvariantNumbers.Count(result.Writes.Unknown);
        yield return InvariantNumbers.Count(result.Writes.UnknownPresent);
        yield return Time(result.Failover?.ClientObservedSeconds);
        yield return Time(result.Failover?.ControlPlaneSeconds);
        yield return Time(result.Latency.P50);
        yield return Time(result.Latency.P99);
        yield return Time(result.Latency.P999);
        yield return Time(result.Latency.Max);
        yield return Time(result.LatencyInFailureWindow.P50);
        yield return Time(result.LatencyInFailureWindow.P99);
        yield return Time(result.LatencyInFailureWindow.P999);
        yield return Time(result.LatencyInFailureWindow.Max);
        yield return Time(result.SplitBrainSeconds);
        yield return InvariantNumbers.Count(result.SplitBrainAcknowledgedLost);
        yield return InvariantNumbers.Count(result.FailoverCount);
        yield return InvariantNumbers.Count(result.FinalEpoch);
        yield return result.Converged ? "true" : "false";
        yield return report.ScenarioName;
        yield return report.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return Time(result.Availability.NoAckSeconds);
        yield return Time(result.Availability.LongestNoAckSeconds);
        yield return Time(result.Availability.WorstClientNoAckSeconds);
        yield return "";
        yield return InvariantNumbers.Count(result.Writes.Duplicated);
        yield return InvariantNumbers.Count(result.Writes.DuplicatedAcknowledged);
    }

    private static IEnumerable<string> ShardRow(RunReport report, PathResult result, ShardResult shard)
    {
        // The columns of Row; what a shard does not have (window latency, split brain, epochs) stays empty.
        yield return result.Path;
        yield return InvariantNumbers.Count(shard.Attempted);
        yield return InvariantNumbers.Count(shard.Acknowledged);
        yield return InvariantNumbers.Count(shard.AcknowledgedLost);
        yield return InvariantNumbers.Count(shard.Failed);
        yield return InvariantNumbers.Count(shard.Unknown);
        yield return "";
        yield return Time(shard.Failover?.ClientObservedSeconds);
        yield return Time(shard.Failover?.ControlPlaneSeconds);
        yield return Time(shard.Latency.P50);
        yield return Time(shard.Latency.P99);
        yield return Time(shard.Latency.P999);
        yield return Time(shard.Latency.Max);
        for (int i = 0; i < 9; i++)
        {
            yield return "";
        }

        yield return report.ScenarioName;
        yield return report.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "";
        yield return "";
        yield return "";
        yield return InvariantNumbers.Count(shard.Shard);

        // Duplicates are counted per path only.
        yield return "";
        yield return "";
    }

    private static string Time(double? value) => value is { } v ? InvariantNumbers.Fixed(v) ?? "" : "";

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
