using System.Globalization;
using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// Writes <c>sweep.csv</c>: one row per grid point and path, the columns of <see cref="Columns"/> in that fixed
/// order (only ever appended to). Units are in the names (<c>_s</c>, <c>_ms</c>; the lost-write columns count
/// writes); statistics have 3 decimals; an empty cell means "no value" (no replication had a failover, or fewer
/// than two replications for an interval). Without <c>--vary</c> the vary columns are empty; with one, the second
/// pair is.
/// </summary>
public static class SweepCsvWriter
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "sweep.csv";

    private static readonly string[] Statistics = ["n", "mean", "ci95_low", "ci95_high", "stddev", "min", "p50", "p90", "p99", "max"];

    /// <summary>The columns, in file order. Documented in the Sweep README.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "scenario",
        "seed",
        "runs",
        "point",
        "vary1_key",
        "vary1_value",
        "vary2_key",
        "vary2_value",
        "path",
        .. SweepMetric.All.Where(m => !Appended.Contains(m)).SelectMany(metric => Statistics.Select(statistic => $"{metric.CsvName}_{statistic}")),
        "runs_with_loss",
        "runs_with_split_brain",
        .. Appended.SelectMany(metric => Statistics.Select(statistic => $"{metric.CsvName}_{statistic}")),
    ];

    // Columns are only ever appended: metrics added after the run counts existed go after them.
    private static IReadOnlyList<SweepMetric> Appended => [SweepMetric.WritesFailed, SweepMetric.WritesUnknown];

    /// <summary>Writes the report to <paramref name="destination"/> (left open).</summary>
    public static void Write(SweepReport report, Stream destination) =>
        SweepCsv.Write(destination, Columns, Rows(report));

    /// <summary>The file's text.</summary>
    public static string ToCsv(SweepReport report) => SweepCsv.Text(Columns, Rows(report));

    private static IEnumerable<IReadOnlyList<string>> Rows(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var setup = report.Setup;
        foreach (var point in report.Summaries)
        {
            foreach (var path in point.Paths)
            {
                var row = new List<string>
                {
                    setup.ScenarioName,
                    setup.Seed.ToString(CultureInfo.InvariantCulture),
                    InvariantNumbers.Count(setup.Runs),
                    InvariantNumbers.Count(point.Point.Index),
                };
                for (var axis = 0; axis < 2; axis++)
                {
                    var has = axis < setup.Axes.Count;
                    row.Add(has ? setup.Axes[axis].Key : "");
                    row.Add(has ? point.Point.Values[axis].Text : "");
                }

                row.Add(path.Path);
                foreach (var metric in SweepMetric.All.Where(m => !Appended.Contains(m)))
                {
                    AddStatistics(row, path.Of(metric));
                }

                row.Add(InvariantNumbers.Count(path.RunsWithLoss));
                row.Add(InvariantNumbers.Count(path.RunsWithSplitBrain));
                foreach (var metric in Appended)
                {
                    AddStatistics(row, path.Of(metric));
                }

                yield return row;
            }
        }
    }

    private static void AddStatistics(List<string> row, MetricSummary summary)
    {
        row.Add(InvariantNumbers.Count(summary.Count));
        row.AddRange(new[]
        {
            summary.Mean, summary.Ci95Low, summary.Ci95High, summary.StdDev, summary.Min,
            summary.P50, summary.P90, summary.P99, summary.Max,
        }.Select(Fixed));
    }

    private static string Fixed(double? value) => value is { } v ? InvariantNumbers.Fixed(v) ?? "" : "";
}
