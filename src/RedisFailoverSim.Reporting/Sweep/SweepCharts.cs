using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// The sweep's charts, one per <see cref="SweepMetric"/>, each as PNG and SVG (<c>acked-lost.png</c>, …):
/// <list type="bullet">
/// <item>without <c>--vary</c>: a box plot per path (box P25–P75, line P50, whiskers min–max, ◆ mean with its 95 %
/// confidence interval, × P99);</item>
/// <item>with one <c>--vary</c>: per path, the mean against the varied setting with its 95 % confidence band, and
/// the P99 dashed — e.g. acknowledged loss against partition duration;</item>
/// <item>with two: small multiples, one panel per value of the second setting, each as with one.</item>
/// </list>
/// </summary>
public static class SweepCharts
{
    private const int PanelWidth = 900;
    private const int PanelHeight = 520;
    private const int SmallPanelWidth = 620;
    private const int SmallPanelHeight = 420;

    /// <summary>The chart files' names, in writing order: <c>acked-lost.png</c>, <c>acked-lost.svg</c>, ….</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        SweepMetric.All.SelectMany(m => new[] { m.ChartName + ".png", m.ChartName + ".svg" }).ToList();

    /// <summary>The PNG of <paramref name="metric"/>'s chart.</summary>
    public static byte[] Png(SweepReport report, SweepMetric metric) => Figure(report, metric).Png();

    /// <summary>The SVG of <paramref name="metric"/>'s chart.</summary>
    public static byte[] Svg(SweepReport report, SweepMetric metric) => Figure(report, metric).Svg();

    private static SweepFigure Figure(SweepReport report, SweepMetric metric)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metric);
        return report.Setup.Axes.Count switch
        {
            0 => new SweepFigure([Distribution(report, metric)], 1, PanelWidth, PanelHeight),
            1 => new SweepFigure(
                [Curves(report, metric, report.Summaries, withP99: true, Title(report, metric))], 1, PanelWidth, PanelHeight),
            _ => SmallMultiples(report, metric),
        };
    }

    private static Plot Distribution(SweepReport report, SweepMetric metric)
    {
        var plot = new Plot();
        var setup = report.Setup;
        var labels = new List<string>();
        for (var p = 0; p < setup.Paths.Count; p++)
        {
            var x = p + 1.0;
            var values = report.Replications.Column(0, p).Select(metric.Value).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
            labels.Add(values.Length == 0 ? $"{setup.Paths[p]}\n(no value)" : setup.Paths[p]);
            if (values.Length == 0)
            {
                continue;
            }

            Array.Sort(values);
            var color = SweepChartColors.Of(setup.Paths[p]);
            var box = new Box
            {
                Position = x,
                BoxMin = SampleStatistics.Percentile(values, 0.25),
                BoxMax = SampleStatistics.Percentile(values, 0.75),
                BoxMiddle = SampleStatistics.Percentile(values, 0.50),
                WhiskerMin = values[0],
                WhiskerMax = values[^1],
                Width = 0.5,
            };

            // One box plot per path: a BoxPlot paints all its boxes in its own colours.
            var boxPlot = plot.Add.Box(box);
            boxPlot.FillColor = color.WithAlpha(0.35);
            boxPlot.LineColor = color;
            boxPlot.LineWidth = 1.5f;

            var summary = report.Summaries[0].Paths[p].Of(metric);
            var mean = plot.Add.Marker(x, summary.Mean!.Value, MarkerShape.FilledDiamond, 10, Colors.Black);
            var p99 = plot.Add.Marker(x, summary.P99!.Value, MarkerShape.Eks, 10, Colors.Black);
            if (summary.Ci95High is { } high)
            {
                var error = plot.Add.ErrorBar([x], [summary.Mean.Value], [high - summary.Mean.Value]);
                error.Color = Colors.Black;
            }

            if (p == 0)
            {
                mean.LegendText = "mean (with 95% CI)";
                p99.LegendText = "P99";
            }
        }

        var positions = Enumerable.Range(1, setup.Paths.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(positions, labels.ToArray());
        plot.Axes.SetLimitsX(0.4, setup.Paths.Count + 0.6);
        plot.Title(Title(report, metric));
        plot.YLabel(metric.TitleWithUnit);
        plot.XLabel("box P25-P75, line P50, whiskers min-max");
        Finish(plot, Alignment.UpperRight);
        return plot;
    }

    private static Plot Curves(SweepReport report, SweepMetric metric, IReadOnlyList<PointSummary> points, bool withP99, string title)
    {
        var plot = new Plot();
        var setup = report.Setup;
        var axis = setup.Axes[0];
        for (var p = 0; p < setup.Paths.Count; p++)
        {
            var color = SweepChartColors.Of(setup.Paths[p]);
            var rows = points
                .Select(point => (X: point.Point.Values[0].Number, Summary: point.Paths[p].Of(metric)))
                .Where(r => r.Summary.Mean.HasValue)
                .ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var xs = rows.Select(r => r.X).ToArray();
            var banded = rows.Where(r => r.Summary.Ci95Low.HasValue).ToList();
            if (banded.Count > 1)
            {
                var band = plot.Add.FillY(
                    banded.Select(r => r.X).ToArray(),
                    banded.Select(r => r.Summary.Ci95Low!.Value).ToArray(),
                    banded.Select(r => r.Summary.Ci95High!.Value).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }

            var mean = plot.Add.Scatter(xs, rows.Select(r => r.Summary.Mean!.Value).ToArray(), color);
            mean.LegendText = $"{setup.Paths[p]} mean (95% CI band)";
            mean.LineWidth = 2;
            mean.MarkerSize = 6;
            if (withP99)
            {
                var p99 = plot.Add.ScatterLine(xs, rows.Select(r => r.Summary.P99!.Value).ToArray(), color);
                p99.LegendText = $"{setup.Paths[p]} P99";
                p99.LinePattern = LinePattern.Dashed;
                p99.LineWidth = 1.5f;
            }
        }

        plot.Title(title);
        plot.XLabel(axis.Label);
        plot.YLabel(metric.TitleWithUnit);
        Finish(plot, Alignment.UpperLeft);
        return plot;
    }

    private static SweepFigure SmallMultiples(SweepReport report, SweepMetric metric)
    {
        var setup = report.Setup;
        var second = setup.Axes[1];
        var panels = new List<Plot>();
        for (var v = 0; v < second.Values.Count; v++)
        {
            var points = report.Summaries.Where((_, i) => i % second.Values.Count == v).ToList();
            var title = string.Create(CultureInfo.InvariantCulture, $"{metric.Title}: {second.Key} = {second.Values[v].Text}");
            var panel = Curves(report, metric, points, withP99: false, title);
            if (v > 0)
            {
                panel.HideLegend();
            }

            panels.Add(panel);
        }

        // One y range for every panel, so the eye compares heights across panels.
        var ends = report.Summaries.SelectMany(s => s.Paths).Select(p => p.Of(metric))
            .SelectMany(s => new[] { s.Ci95Low ?? s.Mean, s.Ci95High ?? s.Mean })
            .Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (ends.Count > 0)
        {
            var low = ends.Min();
            var high = ends.Max();
            var pad = high > low ? (high - low) * 0.08 : Math.Max(1, Math.Abs(high) * 0.1);
            foreach (var panel in panels)
            {
                panel.Axes.SetLimitsY(low - pad, high + pad);
            }
        }

        var columns = Math.Min(3, panels.Count);
        return new SweepFigure(panels, columns, SmallPanelWidth, SmallPanelHeight);
    }

    private static string Title(SweepReport report, SweepMetric metric)
    {
        var setup = report.Setup;
        var what = setup.Axes.Count == 0 ? metric.Title + " per run" : $"{metric.Title} vs {setup.Axes[0].Key}";
        return string.Create(CultureInfo.InvariantCulture, $"{what}: {setup.ScenarioName}, {setup.Runs} runs each");
    }

    private static void Finish(Plot plot, Alignment legend)
    {
        // Outside the data area: inside, it hid the box of whichever path sat under it (self-hosted's ~4,200 lost
        // writes under an upper-right legend).
        plot.Legend.Alignment = legend;
        plot.ShowLegend(Edge.Right);
        plot.Font.Set(SweepChartFonts.Family);
    }
}
