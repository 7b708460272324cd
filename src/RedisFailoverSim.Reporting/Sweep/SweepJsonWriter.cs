using System.Text;
using System.Text.Json;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// Writes <c>sweep.json</c>: the setup, then per grid point and path the distribution of each
/// <see cref="SweepMetric"/>, in a fixed field order with numbers rounded to 3 decimals. Field by field
/// documentation: <c>src/RedisFailoverSim.Reporting/Sweep/README.md</c>.
/// </summary>
public static class SweepJsonWriter
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "sweep.json";

    /// <summary>Writes the report to <paramref name="destination"/> (left open).</summary>
    public static void Write(SweepReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using (var json = new Utf8JsonWriter(destination, SweepJson.Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SweepJson.SchemaVersion);
            json.WriteString("kind", "sweep");
            SweepJson.WriteSetup(json, report.Setup);
            json.WriteStartArray("points");
            foreach (var point in report.Summaries)
            {
                WritePoint(json, point);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        destination.WriteByte((byte)'\n');
    }

    /// <summary>The file's text, for tests and tools that want a string.</summary>
    public static string ToJson(SweepReport report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePoint(Utf8JsonWriter json, PointSummary point)
    {
        json.WriteStartObject();
        json.WriteNumber("index", point.Point.Index);
        json.WriteStartObject("settings");
        foreach (var setting in point.Point.Overrides)
        {
            json.WriteString(setting.Key, setting.Value);
        }

        json.WriteEndObject();
        json.WriteStartArray("paths");
        foreach (var path in point.Paths)
        {
            json.WriteStartObject();
            json.WriteString("path", path.Path);
            for (var m = 0; m < SweepMetric.All.Count; m++)
            {
                WriteSummary(json, SweepMetric.All[m].JsonName, path.Metrics[m]);
            }

            json.WriteNumber("runsWithLoss", path.RunsWithLoss);
            json.WriteNumber("runsWithSplitBrain", path.RunsWithSplitBrain);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, string name, MetricSummary summary)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", summary.Count);
        SweepJson.WriteFixed(json, "mean", summary.Mean);
        SweepJson.WriteFixed(json, "ci95Low", summary.Ci95Low);
        SweepJson.WriteFixed(json, "ci95High", summary.Ci95High);
        SweepJson.WriteFixed(json, "stdDev", summary.StdDev);
        SweepJson.WriteFixed(json, "min", summary.Min);
        SweepJson.WriteFixed(json, "p50", summary.P50);
        SweepJson.WriteFixed(json, "p90", summary.P90);
        SweepJson.WriteFixed(json, "p99", summary.P99);
        SweepJson.WriteFixed(json, "max", summary.Max);
        json.WriteEndObject();
    }
}
