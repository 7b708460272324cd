using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Reporting.Results;

/// <summary>
/// Writes <c>results.json</c>: the issue-4 schema (version <see cref="SchemaVersion"/>) in a fixed field order,
/// required fields first and extra fields after them, numbers invariant and rounded (seconds and milliseconds
/// to 3 decimals). The same report always gives the same bytes: UTF-8 without BOM, LF line ends, a final
/// newline. Field by field documentation: <c>src/RedisFailoverSim.Reporting/README.md</c>.
/// </summary>
public static class ResultsJsonWriter
{
    /// <summary>
    /// The schema version written as <c>schemaVersion</c>. Bump it when a field changes meaning or is removed;
    /// adding a field after the existing ones keeps it.
    /// </summary>
    public const int SchemaVersion = 1;

    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "results.json";

    private static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keeps "→", "+" and "'" readable in details and descriptions; still escapes quotes and controls.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report to <paramref name="destination"/> (left open).</summary>
    public static void Write(RunReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using (var json = new Utf8JsonWriter(destination, Options))
        {
            WriteReport(json, report);
        }

        destination.WriteByte((byte)'\n');
    }

    /// <summary>The file's text, for tests and tools that want a string.</summary>
    public static string ToJson(RunReport report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteReport(Utf8JsonWriter json, RunReport report)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);

        json.WriteStartObject("tool");
        json.WriteString("name", report.Tool.Name);
        json.WriteString("version", report.Tool.Version);
        json.WriteString("commit", report.Tool.Commit);
        json.WriteEndObject();

        json.WriteNumber("seed", report.Seed);

        json.WriteStartObject("scenario");
        json.WriteString("name", report.ScenarioName);
        json.WriteString("sha256", report.ScenarioSha256);
        // Only the file name: the folder it was run from must not change the bytes.
        json.WriteString("file", Path.GetFileName(report.ScenarioSourcePath));
        json.WriteString("description", report.ScenarioDescription);
        json.WriteEndObject();

        json.WriteStartArray("paths");
        foreach (var path in report.Paths)
        {
            WritePath(json, path, report.Costs?.FirstOrDefault(c => c.Path == path.Path));
        }

        json.WriteEndArray();

        json.WriteStartArray("expectations");
        foreach (var outcome in report.Expectations)
        {
            WriteExpectation(json, outcome);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePath(Utf8JsonWriter json, PathResult result, Cost.PathCost? cost)
    {
        json.WriteStartObject();
        json.WriteString("path", result.Path);

        // Required fields (issue 4), in its order.
        json.WriteStartObject("writes");
        json.WriteNumber("attempted", result.Writes.Attempted);
        json.WriteNumber("acknowledged", result.Writes.Acknowledged);
        json.WriteNumber("acknowledgedLost", result.Writes.AcknowledgedLost);
        json.WriteNumber("failed", result.Writes.Failed);
        json.WriteNumber("unknown", result.Writes.Unknown);
        json.WriteNumber("unknownPresent", result.Writes.UnknownPresent);
        json.WriteNumber("duplicated", result.Writes.Duplicated);
        json.WriteNumber("duplicatedAcknowledged", result.Writes.DuplicatedAcknowledged);
        if (result.Writes.WaitConfirmed + result.Writes.WaitShort > 0)
        {
            // Only a run whose clients sent WAIT (workload.wait) has these; other runs' files are unchanged.
            json.WriteNumber("waitConfirmed", result.Writes.WaitConfirmed);
            json.WriteNumber("waitConfirmedLost", result.Writes.WaitConfirmedLost);
            json.WriteNumber("waitShort", result.Writes.WaitShort);
        }

        json.WriteEndObject();

        WriteFailover(json, result.Failover);
        WriteLatency(json, "latencyMs", result.Latency);
        WriteLatency(json, "latencyInFailureWindowMs", result.LatencyInFailureWindow);
        WriteFixed(json, "splitBrainSeconds", result.SplitBrainSeconds);

        // Extra fields, after the required ones.
        json.WriteNumber("splitBrainAcknowledgedLost", result.SplitBrainAcknowledgedLost);
        json.WriteNumber("failoverCount", result.FailoverCount);
        json.WriteNumber("finalEpoch", result.FinalEpoch);
        json.WriteBoolean("converged", result.Converged);
        WriteFailureWindow(json, result.FailureWindow);
        WriteFixed(json, "endSeconds", result.EndSeconds);
        WriteAvailability(json, result.Availability);

        json.WriteStartArray("facts");
        foreach (var fact in result.Facts)
        {
            json.WriteStartObject();
            json.WriteString("key", fact.Key);
            json.WriteBoolean("value", fact.Value);
            json.WriteString("detail", fact.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (result.Bands.Count > 0)
        {
            WriteBands(json, result.Bands);
        }

        if (result.Shards is { } shards)
        {
            // Only for a Redis Cluster run; other runs keep their bytes.
            WriteShards(json, shards);
        }

        if (result.ClusterSettings is { } cluster)
        {
            // The cluster-* keys in force on this path (the scenario's over the path's defaults).
            json.WriteStartObject("clusterSettings");
            json.WriteNumber("nodeTimeoutMs", cluster.NodeTimeout.Nanoseconds / 1_000_000);
            json.WriteBoolean("requireFullCoverage", cluster.RequireFullCoverage);
            json.WriteNumber("replicaValidityFactor", cluster.ReplicaValidityFactor);
            json.WriteBoolean("allowReadsWhenDown", cluster.AllowReadsWhenDown);
            json.WriteBoolean("replicaNoFailover", cluster.ReplicaNoFailover);
            json.WriteEndObject();
        }

        if (result.ClusterStateFail is { } fail)
        {
            // Only where a cluster bus ran; other runs keep their bytes.
            WriteClusterStateFail(json, fail);
        }

        json.WriteStartObject("usage");
        foreach (var (name, value) in result.Usage)
        {
            WriteRaw(json, name, InvariantNumbers.Quantity(value));
        }

        json.WriteEndObject();
        if (cost is not null)
        {
            // Only when the scenario has a month: (issue 15); runs without one keep their bytes.
            Cost.CostJson.Write(json, cost);
        }

        json.WriteEndObject();
    }

    private static void WriteFailover(Utf8JsonWriter json, FailoverMetrics? failover)
    {
        if (failover is null)
        {
            json.WriteNull("failover");
            return;
        }

        json.WriteStartObject("failover");
        WriteFixed(json, "clientObservedSeconds", failover.ClientObservedSeconds);
        WriteFixed(json, "controlPlaneSeconds", failover.ControlPlaneSeconds);
        WriteFixed(json, "switchMasterSeconds", failover.SwitchMasterSeconds);
        json.WriteString("newPrimary", failover.NewPrimary);
        json.WriteEndObject();
    }

    private static void WriteShards(Utf8JsonWriter json, IReadOnlyList<ShardResult> shards)
    {
        json.WriteStartArray("shards");
        foreach (var shard in shards)
        {
            json.WriteStartObject();
            json.WriteNumber("shard", shard.Shard);
            json.WriteStartObject("writes");
            json.WriteNumber("attempted", shard.Attempted);
            json.WriteNumber("acknowledged", shard.Acknowledged);
            json.WriteNumber("acknowledgedLost", shard.AcknowledgedLost);
            json.WriteNumber("failed", shard.Failed);
            json.WriteNumber("unknown", shard.Unknown);
            json.WriteEndObject();
            WriteFailover(json, shard.Failover);
            WriteLatency(json, "latencyMs", shard.Latency);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteClusterStateFail(Utf8JsonWriter json, IReadOnlyList<ClusterStateInterval> intervals)
    {
        json.WriteStartArray("clusterStateFail");
        foreach (var interval in intervals)
        {
            json.WriteStartObject();
            json.WriteString("node", interval.Node);
            WriteFixed(json, "fromSeconds", interval.FromSeconds);
            WriteFixed(json, "toSeconds", interval.ToSeconds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteAvailability(Utf8JsonWriter json, WriteAvailability availability)
    {
        // Stretches of more than 1 s without an acknowledged write: what the latency of acknowledged writes hides.
        json.WriteStartObject("availability");
        WriteFixed(json, "noAckSeconds", availability.NoAckSeconds);
        WriteFixed(json, "longestNoAckSeconds", availability.LongestNoAckSeconds);
        WriteFixed(json, "worstClientNoAckSeconds", availability.WorstClientNoAckSeconds);
        if (availability.WorstClient is { } client)
        {
            json.WriteString("worstClient", client);
        }
        else
        {
            json.WriteNull("worstClient");
        }

        json.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter json, string name, LatencySummary latency)
    {
        json.WriteStartObject(name);
        WriteFixed(json, "p50", latency.P50);
        WriteFixed(json, "p99", latency.P99);
        WriteFixed(json, "p999", latency.P999);
        WriteFixed(json, "max", latency.Max);
        json.WriteNumber("count", latency.Count);
        json.WriteEndObject();
    }

    private static void WriteFailureWindow(Utf8JsonWriter json, (double Start, double End)? window)
    {
        if (window is not { } value)
        {
            json.WriteNull("failureWindowSeconds");
            return;
        }

        json.WriteStartObject("failureWindowSeconds");
        WriteFixed(json, "start", value.Start);
        WriteFixed(json, "end", value.End);
        json.WriteEndObject();
    }

    private static void WriteExpectation(Utf8JsonWriter json, ExpectationOutcome outcome)
    {
        json.WriteStartObject();
        json.WriteString("path", outcome.Expectation.Path);
        json.WriteString("metric", outcome.Expectation.Metric);
        json.WriteString("claim", outcome.Expectation.Text);
        json.WriteNumber("line", outcome.Expectation.Line);
        json.WriteString("status", StatusName(outcome.Status));
        WriteRaw(json, "actual", outcome.Actual is { } actual ? InvariantNumbers.Quantity(actual) : null);
        if (outcome.Expectation.RelativeTo is { } other)
        {
            // Only relative claims carry these, so results.json of every other claim is as before.
            json.WriteString("relativeTo", other);
            WriteRaw(json, "compared", outcome.Compared is { } compared ? InvariantNumbers.Quantity(compared) : null);
        }

        json.WriteString("detail", outcome.Detail);
        json.WriteEndObject();
    }

    /// <summary>The status as written in results.json and printed by the CLI.</summary>
    internal static string StatusName(ExpectationStatus status) => status switch
    {
        ExpectationStatus.Held => "held",
        ExpectationStatus.Failed => "failed",
        ExpectationStatus.Skipped => "skipped",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static void WriteFixed(Utf8JsonWriter json, string name, double? value) =>
        WriteRaw(json, name, value is { } v ? InvariantNumbers.Fixed(v) : null);

    private static void WriteRaw(Utf8JsonWriter json, string name, string? number)
    {
        json.WritePropertyName(name);
        if (number is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteRawValue(number, skipInputValidation: true);
        }
    }

    private static void WriteBands(Utf8JsonWriter json, IReadOnlyList<AssumptionBand> bands)
    {
        json.WriteStartArray("assumptionBands");
        foreach (var band in bands)
        {
            json.WriteStartObject();
            json.WriteString("assumption", band.Assumption);
            json.WriteString("setting", band.Setting);
            json.WriteStartArray("cases");
            foreach (var c in band.Cases)
            {
                json.WriteStartObject();
                json.WriteString("value", c.Value);
                json.WriteBoolean("thisRun", c.IsThisRun);
                json.WriteNumber("acknowledged", c.Acknowledged);
                json.WriteNumber("acknowledgedLost", c.AcknowledgedLost);
                WriteFixed(json, "splitBrainSeconds", c.SplitBrainSeconds);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
