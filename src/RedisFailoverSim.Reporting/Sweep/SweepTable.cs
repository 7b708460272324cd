using System.Globalization;
using RedisFailoverSim.Reporting.Terminal;
using Spectre.Console.Rendering;
using Spectre.Console;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// The terminal table of a sweep. Without <c>--vary</c>: one row per path and metric with n, mean, its 95 %
/// confidence interval, P50/P90/P99 and max. With <c>--vary</c>: one row per grid point and path with the headline
/// numbers (mean and P99 loss, runs with loss, mean failover, P99 latency and split brain); sweep.csv has the rest.
/// </summary>
public static class SweepTable
{
    /// <summary>What a cell shows when there is no value.</summary>
    public const string None = "-";

    /// <summary>The table for <paramref name="report"/>.</summary>
    public static Table Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (headers, rows) = report.Setup.Axes.Count == 0 ? Detail(report) : Grid(report);
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < headers.Count; i++)
        {
            var column = new TableColumn(new Text(headers[i]));
            if (i >= report.Setup.Axes.Count)
            {
                column.NoWrap();
            }

            table.AddColumn(i < FirstNumberColumn(report) ? column : column.RightAligned());
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        var setup = report.Setup;
        table.Caption(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{setup.ScenarioName}, seed {setup.Seed}, {setup.Runs} runs per point and path, mean with 95% CI")));
        return table;
    }

    /// <summary>The header and the cells of each row, as plain text (what <see cref="Build"/> shows).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) Cells(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Setup.Axes.Count == 0 ? Detail(report) : Grid(report);
    }

    private static int FirstNumberColumn(SweepReport report) => report.Setup.Axes.Count == 0 ? 2 : report.Setup.Axes.Count + 1;

    private static (IReadOnlyList<string>, IReadOnlyList<IReadOnlyList<string>>) Detail(SweepReport report)
    {
        string[] headers = ["path", "metric", "n", "mean", "95% CI", "P50", "P90", "P99", "max"];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var path in report.Summaries[0].Paths)
        {
            for (var m = 0; m < SweepMetric.All.Count; m++)
            {
                var metric = SweepMetric.All[m];
                var s = path.Metrics[m];
                rows.Add(
                [
                    m == 0 ? path.Path : "",
                    metric.ShortLabel,
                    s.Count.ToString(CultureInfo.InvariantCulture),
                    Number(s.Mean, metric),
                    Interval(s, metric),
                    Number(s.P50, metric),
                    Number(s.P90, metric),
                    Number(s.P99, metric),
                    Number(s.Max, metric),
                ]);
            }
        }

        return (headers, rows);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<IReadOnlyList<string>>) Grid(SweepReport report)
    {
        var headers = report.Setup.Axes.Select(a => SettingWords.Of(a.Key)).Concat(
        [
            "path", "lost mean\n± 95% CI", "lost P99", "runs\nwith loss", "failover\nclient s", "write P99\nms",
            "split\nbrain s",
        ]).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var point in report.Summaries)
        {
            foreach (var path in point.Paths)
            {
                var lost = path.Of(SweepMetric.AcknowledgedLost);
                rows.Add(
                [
                    .. point.Point.Values.Select(v => v.Text),
                    path.Path,
                    PlusMinus(lost, SweepMetric.AcknowledgedLost),
                    Number(lost.P99, SweepMetric.AcknowledgedLost),
                    string.Create(CultureInfo.InvariantCulture, $"{path.RunsWithLoss}/{report.Setup.Runs}"),
                    Number(path.Of(SweepMetric.FailoverClientObserved).Mean, SweepMetric.FailoverClientObserved),
                    Number(path.Of(SweepMetric.LatencyP99).Mean, SweepMetric.LatencyP99),
                    Number(path.Of(SweepMetric.SplitBrain).Mean, SweepMetric.SplitBrain),
                ]);
            }
        }

        return (headers, rows);
    }

    private static string Interval(MetricSummary summary, SweepMetric metric) =>
        summary.Ci95Low is { } low && summary.Ci95High is { } high
            ? $"{Number(low, metric)} – {Number(high, metric)}"
            : None;

    private static string PlusMinus(MetricSummary summary, SweepMetric metric) =>
        summary.Ci95High is { } high && summary.Mean is { } mean
            ? $"{Number(mean, metric)} ± {Number(high - mean, metric)}"
            : Number(summary.Mean, metric);

    /// <summary>In the unit's one style (<see cref="Numbers.ByUnit"/>): writes to a tenth, seconds and milliseconds to a hundredth.</summary>
    private static string Number(double? value, SweepMetric metric) =>
        value is { } v ? Numbers.ByUnit(v, metric.Unit) : None;
}
