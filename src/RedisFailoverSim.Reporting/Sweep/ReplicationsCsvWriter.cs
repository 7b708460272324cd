using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// Writes <c>replications.csv</c>: every replication's numbers, one row per grid point, replication and path, in
/// that order, with the seed that replays it (<c>rfsim run &lt;scenario&gt; --seed &lt;seed&gt;</c>, after setting
/// the point's values in the file). For your own plots and tests of the statistics.
/// </summary>
public static class ReplicationsCsvWriter
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "replications.csv";

    /// <summary>The columns, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "point",
        "vary1_value",
        "vary2_value",
        "replication",
        "seed",
        "path",
        "writes_acked",
        "writes_acked_lost",
        "failover_client_observed_s",
        "failover_control_plane_s",
        "write_latency_p99_ms",
        "split_brain_s",
        "writes_failed",
        "writes_unknown",
    ];

    /// <summary>Writes the report to <paramref name="destination"/> (left open).</summary>
    public static void Write(SweepReport report, Stream destination) =>
        SweepCsv.Write(destination, Columns, Rows(report));

    private static IEnumerable<IReadOnlyList<string>> Rows(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var setup = report.Setup;
        foreach (var point in setup.Points)
        {
            for (var run = 0; run < setup.Runs; run++)
            {
                var seed = SweepSetup.ReplicationSeed(setup.Seed, run);
                for (var p = 0; p < setup.Paths.Count; p++)
                {
                    var metrics = report.Replications[point.Index, p, run]!.Value;
                    yield return
                    [
                        InvariantNumbers.Count(point.Index),
                        point.Values.Count > 0 ? point.Values[0].Text : "",
                        point.Values.Count > 1 ? point.Values[1].Text : "",
                        InvariantNumbers.Count(run),
                        seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        setup.Paths[p],
                        InvariantNumbers.Count(metrics.Acknowledged),
                        InvariantNumbers.Count(metrics.AcknowledgedLost),
                        Fixed(metrics.FailoverClientObservedSeconds),
                        Fixed(metrics.FailoverControlPlaneSeconds),
                        Fixed(metrics.LatencyP99Ms),
                        Fixed(metrics.SplitBrainSeconds),
                        InvariantNumbers.Count(metrics.Failed),
                        InvariantNumbers.Count(metrics.Unknown),
                    ];
                }
            }
        }
    }

    private static string Fixed(double? value) => value is { } v ? InvariantNumbers.Fixed(v) ?? "" : "";
}
