using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Reporting.Trace;

namespace RedisFailoverSim.Reporting.Timeline;

/// <summary>
/// <c>timeline.html</c>, for trainers: one self-contained page (script, style and data inline, no network) that
/// steps through a run event by event (← →, a scrubber): each node's role per lane, Sentinel epochs and votes, the
/// writes each node acknowledged and how many of them were later lost, the narrated trace line of the moment, and a
/// banner while two nodes are primary (docs/sources.md §15.4). Written with every run.
/// </summary>
public static class TimelinePage
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "timeline.html";

    /// <summary>Steps past this many per path are left out (the page says so): a browser stays responsive.</summary>
    public const int MaxSteps = 20_000;

    private static readonly Lazy<string> Template = new(() => Resource("RedisFailoverSim.timeline.html"));

    /// <summary>timeline.html as an output file (UTF-8, LF).</summary>
    public static IReportFile File { get; } = new ReportFile(FileName, (report, stream) =>
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report))));

    /// <summary>The page of <paramref name="report"/>.</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = $"{report.ScenarioName}, seed {report.Seed.ToString(CultureInfo.InvariantCulture)}: rfsim timeline";
        return Template.Value
            .Replace("{{TITLE}}", System.Net.WebUtility.HtmlEncode(title), StringComparison.Ordinal)
            .Replace("/*{{DATA}}*/null", Data(report), StringComparison.Ordinal);
    }

    /// <summary>The page's data as JSON (fixed field order, invariant numbers, safe inside a script element).</summary>
    internal static string Data(RunReport report)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.Default, Indented = false };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("scenario", report.ScenarioName);
            json.WriteString("seed", report.Seed.ToString(CultureInfo.InvariantCulture));
            json.WriteString("tool", $"{report.Tool.Name} {report.Tool.Version}");
            json.WriteStartArray("paths");
            foreach (var result in report.Paths)
            {
                WritePath(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePath(Utf8JsonWriter json, PathResult result)
    {
        var lines = TraceNarrator.Narrate(result);
        var steps = lines.Take(MaxSteps).ToList();
        json.WriteStartObject();
        json.WriteString("path", result.Path);
        Number(json, "end", result.EndSeconds);
        json.WriteNumber("stepsLeftOut", lines.Count - steps.Count);
        json.WriteStartArray("nodes");
        foreach (var node in result.Nodes)
        {
            json.WriteStringValue(node);
        }

        json.WriteEndArray();

        // [node index, from, to, role, isolated]
        json.WriteStartArray("roles");
        foreach (var r in result.Roles)
        {
            json.WriteStartArray();
            json.WriteNumberValue(IndexOf(result.Nodes, r.Node));
            NumberValue(json, r.FromSeconds);
            NumberValue(json, r.ToSeconds);
            json.WriteStringValue(r.Role.ToString().ToLowerInvariant());
            json.WriteBooleanValue(r.Isolated);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("faults");
        foreach (var f in result.Faults)
        {
            json.WriteStartArray();
            json.WriteStringValue(f.Label);
            NumberValue(json, f.FromSeconds);
            NumberValue(json, f.ToSeconds);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("splitBrain");
        foreach (var o in new RunTimeline(result).Overlaps)
        {
            json.WriteStartArray();
            NumberValue(json, o.FromSeconds);
            NumberValue(json, o.ToSeconds);
            json.WriteStringValue(string.Join(" and ", o.Primaries));
            json.WriteEndArray();
        }

        json.WriteEndArray();
        WriteSentinelEvents(json, result);
        json.WriteStartArray("steps");
        foreach (var line in steps)
        {
            json.WriteStartArray();
            NumberValue(json, line.Seconds);
            json.WriteStringValue(line.Text);
            json.WriteBooleanValue(line.IsKey);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        WriteAckCounts(json, result, steps);
        json.WriteEndObject();
    }

    /// <summary>Sentinel's own events (+sdown, +new-epoch, +vote-for-leader…), [time, sentinel, kind, text].</summary>
    private static void WriteSentinelEvents(Utf8JsonWriter json, PathResult result)
    {
        json.WriteStartArray("sentinel");
        foreach (var e in result.Events.Where(e => e.Kind.StartsWith('+') || e.Kind.StartsWith('-')))
        {
            json.WriteStartArray();
            NumberValue(json, e.Seconds);
            json.WriteStringValue(e.Source);
            json.WriteStringValue(e.Kind);
            json.WriteStringValue(e.Text);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Per step, per node: writes it had acknowledged by then and how many of those the final dataset lacks
    /// ([[acked, lost], …] per step), or null when the run did not keep its writes.
    /// </summary>
    private static void WriteAckCounts(Utf8JsonWriter json, PathResult result, IReadOnlyList<TraceLine> steps)
    {
        json.WritePropertyName("acks");
        if (result.Samples is not { } samples)
        {
            json.WriteNullValue();
            return;
        }

        // A step counts every acknowledgement up to the latest step time so far. Each acknowledgement is added to the
        // first step whose (running latest) time reaches it, then summed forward: no per-write list, whatever the run's size.
        var reach = new double[steps.Count];
        for (var k = 0; k < steps.Count; k++)
        {
            reach[k] = k == 0 ? steps[k].Seconds : Math.Max(reach[k - 1], steps[k].Seconds);
        }

        int nodes = result.Nodes.Count;
        var ackedAt = new long[steps.Count, nodes];
        var lostAt = new long[steps.Count, nodes];
        for (var i = 0; i < samples.Count; i++)
        {
            int node = samples.AckedBy[i];
            if (samples.Outcomes[i] != WriteOutcome.Ok || node < 0)
            {
                continue;
            }

            int step = FirstReaching(reach, samples.IntendedStartSeconds[i] + (samples.LatencyMilliseconds[i] / 1000));
            if (step < steps.Count)
            {
                ackedAt[step, node]++;
                lostAt[step, node] += samples.Lost[i] ? 1 : 0;
            }
        }

        var acked = new long[nodes];
        var lost = new long[nodes];
        json.WriteStartArray();
        for (var k = 0; k < steps.Count; k++)
        {
            json.WriteStartArray();
            for (var n = 0; n < nodes; n++)
            {
                acked[n] += ackedAt[k, n];
                lost[n] += lostAt[k, n];
                json.WriteNumberValue(acked[n]);
                json.WriteNumberValue(lost[n]);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    /// <summary>The first index whose value is at least <paramref name="at"/> (values ascending), or the length.</summary>
    private static int FirstReaching(double[] ascending, double at)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (ascending[middle] >= at)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static int IndexOf(IReadOnlyList<string> nodes, string node)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] == node)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        NumberValue(json, value);
    }

    // Milliseconds are the finest time a trainer reads; rounding keeps the page's bytes the same on every machine.
    private static void NumberValue(Utf8JsonWriter json, double value) =>
        json.WriteRawValue(Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture));

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(name + " is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
