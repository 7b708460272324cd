using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Calibration.Results;

/// <summary>
/// Writes a calibration's files: <c>calibration.json</c> (schema versioned), <c>calibration-runs.csv</c> (one row per
/// model seed and real run, for the Reporting layer's charts) and one per-write CSV per real run plus one for the
/// model's first seed (latency over time). Each file is written to a temporary name and moved into place.
/// </summary>
internal static class ReportFiles
{
    /// <summary>The JSON schema version.</summary>
    /// <remarks>2: judged rows carry the band the model's mean must lie in (<c>agreeLow</c>, <c>agreeHigh</c>), centred on
    /// the real mean, and <c>difference</c> is model − real; the document names the model's commit.</remarks>
    public const int SchemaVersion = 2;

    /// <summary>
    /// The build's informational version, <c>0.1.0+&lt;commit&gt;</c>: the SDK stamps the git commit the assembly was built
    /// from (SourceLink's <c>SourceRevisionId</c>) at build time, so no clock or git call is needed at run time.
    /// </summary>
    private static readonly string InformationalVersion =
        typeof(ReportFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes every file into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(CalibrationReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>
        {
            Save(directory, "calibration.json", JsonSerializer.Serialize(Document(report), Json) + "\n"),
            Save(directory, "calibration-runs.csv", RunsCsv(report)),
        };
        foreach (var run in report.RealDetails)
        {
            paths.Add(Save(directory, $"real-run-{run.Metrics.Run.ToString(CultureInfo.InvariantCulture)}-writes.csv", WritesCsv(run.Writes)));
        }

        if (report.ModelSamples is { } samples && report.Model.Count > 0)
        {
            paths.Add(Save(directory, $"model-seed-{report.Model[0].Run.ToString(CultureInfo.InvariantCulture)}-writes.csv", ModelWritesCsv(samples, report.ModelNodes, report.ModelClients)));
        }

        return paths;
    }

    /// <summary>The commit after the <c>+</c> of an informational version, or null when the build had none (no git).</summary>
    internal static string? ModelCommit(string informationalVersion)
    {
        int plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || plus == informationalVersion.Length - 1 ? null : informationalVersion[(plus + 1)..];
    }

    private static object Document(CalibrationReport report) => new
    {
        schemaVersion = SchemaVersion,
        tool = new { name = "rfsim", version = InformationalVersion },
        kind = "calibration",
        path = CalibrationInfo.Path,
        modelCommit = ModelCommit(InformationalVersion),
        scenario = new { name = report.ScenarioName, sha256 = report.ScenarioSha256 },
        redis = new { version = report.RedisVersion },
        workload = new { ratePerClientRequested = report.RatePerClientRequested, ratePerClientUsed = report.RatePerClientUsed },
        agrees = report.Agrees,
        notes = report.Notes,
        testBedNetwork = report.TestBed,
        comparison = report.Rows,
        model = report.Model,
        real = report.RealDetails.Select(r => new
        {
            metrics = r.Metrics,
            startupSeconds = Math.Round(r.StartupSeconds, 3),
            loadAverage = r.LoadAverage,
            runtime = r.Runtime,
            convergence = r.ConvergenceNote.Length == 0 ? "converged" : r.ConvergenceNote,
            faults = r.Faults,
            reasons = r.Reasons.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
            sentinelEvents = r.Events.Select(e => new { seconds = Math.Round(e.Seconds, 3), e.Sentinel, e.Channel, e.Message }),
            roles = r.Roles.Select(o => new { seconds = Math.Round(o.Seconds, 3), o.Node, role = o.Role.ToString(), o.Accepting, o.MasterPort, o.LinkUp }),
            unidentifiedConnections = r.UnidentifiedConnections,
            unidentifiedSources = r.UnidentifiedSources,
            unmappedClientConnections = r.UnmappedClientConnections,
            directory = r.Directory,
            probeRoundTripsMs = r.ProbeRoundTripsMs.Select(v => Math.Round(v, 3)),
        }),
    };

    private static string RunsCsv(CalibrationReport report)
    {
        var csv = new StringBuilder();
        csv.Append("side,run,failover,new_primary,control_plane_s,promotion_s,client_observed_s,attempted,acked,acked_lost,failed,unknown,unknown_present,")
            .Append("latency_p50_ms,latency_p99_ms,latency_p999_ms,latency_max_ms,split_brain_s,converged\n");
        foreach (var m in report.Model.Concat(report.Real))
        {
            csv.AppendJoin(',', m.Side, N(m.Run), m.FailoverHappened ? "true" : "false", m.NewPrimary ?? string.Empty, N(m.ControlPlaneSeconds), N(m.PromotionSeconds), N(m.ClientObservedSeconds),
                N(m.Attempted), N(m.Acknowledged), N(m.AcknowledgedLost), N(m.Failed), N(m.Unknown), N(m.UnknownPresent),
                N(m.LatencyP50Ms), N(m.LatencyP99Ms), N(m.LatencyP999Ms), N(m.LatencyMaxMs), N(m.SplitBrainSeconds), m.Converged ? "true" : "false").Append('\n');
        }

        return csv.ToString();
    }

    private static string WritesCsv(IReadOnlyList<RealWrite> writes)
    {
        var csv = new StringBuilder("write_id,client,intended_start_s,latency_ms,outcome,acked_by,present,lost\n");
        foreach (var w in writes)
        {
            bool lost = w.Outcome == WriteOutcome.Ok && !w.Present;
            csv.AppendJoin(',', N(w.Id), w.Client, N(w.IntendedSeconds), N(w.LatencyMs), Outcome(w.Outcome), w.AckedBy ?? string.Empty, w.Present ? "true" : "false", lost ? "true" : "false").Append('\n');
        }

        return csv.ToString();
    }

    private static string ModelWritesCsv(WriteSamples s, IReadOnlyList<string> nodes, IReadOnlyList<string> clients)
    {
        var csv = new StringBuilder("write_id,client,intended_start_s,latency_ms,outcome,acked_by,present,lost\n");
        for (int i = 0; i < s.Count; i++)
        {
            string client = s.Client[i] >= 0 && s.Client[i] < clients.Count ? clients[s.Client[i]] : string.Empty;
            string ackedBy = s.AckedBy[i] >= 0 && s.AckedBy[i] < nodes.Count ? nodes[s.AckedBy[i]] : string.Empty;
            csv.AppendJoin(',', N(i), client, N(Math.Round(s.IntendedStartSeconds[i], 6)), N(Math.Round(s.LatencyMilliseconds[i], 3)), Outcome(s.Outcomes[i]), ackedBy, string.Empty, s.Lost[i] ? "true" : "false").Append('\n');
        }

        return csv.ToString();
    }

    private static string Outcome(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Ok => "ok",
        WriteOutcome.Failed => "failed",
        WriteOutcome.Unknown => "unknown",
        WriteOutcome.Pending => "pending",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static string N(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Save(string directory, string name, string content)
    {
        string path = Path.Combine(directory, name);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
