using System.Globalization;
using RedisFailoverSim.Reporting.Charts;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// A sweep chart with <c>--vary</c>: per path, the mean of the metric against the varied setting with its 95 %
/// confidence band and the P99 as a thin, lighter line; with a second setting, one such panel per value of it.
/// Each path has its own marker shape, and a path whose numbers equal an earlier path's at every point is drawn with
/// a smaller marker and a thinner line on top of it and named "identical to …" in the legend, so no series hides
/// under another. (No dashes: Skia's SVG canvas cannot draw them and says so on stderr.)
/// </summary>
internal static class SweepCurveChart
{
    private const int PanelHeight = 560;
    private const int SmallPanelHeight = 400;
    private const float MarkerSize = 11;

    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];


    public static Figure Build(SweepReport report, SweepMetric metric)
    {
        var setup = report.Setup;
        var first = setup.Axes[0];
        var figure = new Figure(
            $"{SweepCharts.Heading(metric)} vs {SettingWords.Of(first.Key)} — {setup.ScenarioName}",
            SweepCharts.Caption(setup, SweepCharts.WithoutValueNote(report, metric)));
        if (setup.Axes.Count == 1)
        {
            figure.Add(Curves(report, metric, report.Summaries, withP99: true, $"mean of {setup.Runs.ToString(CultureInfo.InvariantCulture)} runs per point"), PanelHeight);
            return figure;
        }

        var second = setup.Axes[1];
        var panels = new List<Plot>();
        for (var v = 0; v < second.Values.Count; v++)
        {
            var points = report.Summaries.Where((_, i) => i % second.Values.Count == v).ToList();
            var title = $"{SettingWords.Of(second.Key)} = {second.Values[v].Text}";
            panels.Add(Curves(report, metric, points, withP99: false, title));
        }

        ShareY(panels, report, metric);
        for (var i = 0; i < panels.Count; i++)
        {
            if (i > 0)
            {
                Panel.RemoveLegend(panels[i]);
            }

            figure.Add(panels[i], SmallPanelHeight);
        }

        return figure;
    }

    private static Plot Curves(SweepReport report, SweepMetric metric, IReadOnlyList<PointSummary> points, bool withP99, string title)
    {
        var setup = report.Setup;
        var axis = setup.Axes[0];
        var plot = Panel.Create(title, SettingWords.Label(axis), metric.TitleWithUnit);
        var drawn = new List<(string Path, double[] Means, double[] P99s)>();
        for (var p = 0; p < setup.Paths.Count; p++)
        {
            var rows = points
                .Select(point => (X: point.Point.Values[0].Number, Summary: point.Paths[p].Of(metric)))
                .Where(r => r.Summary.Mean.HasValue)
                .ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var path = setup.Paths[p];
            var color = ChartColors.Path(path);
            var xs = rows.Select(r => r.X).ToArray();
            var means = rows.Select(r => r.Summary.Mean!.Value).ToArray();
            var p99s = rows.Select(r => r.Summary.P99!.Value).ToArray();

            // Identical numbers at every point: the later path is drawn smaller on top of the earlier one.
            var twins = drawn.Where(d => d.Means.SequenceEqual(means) && (!withP99 || d.P99s.SequenceEqual(p99s))).ToList();
            var twin = twins.Count > 0 ? twins[0].Path : null;
            drawn.Add((path, means, p99s));

            var banded = rows.Where(r => r.Summary.Ci95Low.HasValue).ToList();
            if (banded.Count > 1 && twin is null)
            {
                var band = plot.Add.FillY(
                    banded.Select(r => r.X).ToArray(),
                    banded.Select(r => r.Summary.Ci95Low!.Value).ToArray(),
                    banded.Select(r => r.Summary.Ci95High!.Value).ToArray());
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }

            var style = p % Shapes.Length;
            var mean = plot.Add.Scatter(xs, means, color);
            mean.LineWidth = twins.Count == 0 ? 2.5f : 1;
            mean.MarkerShape = Shapes[style];
            mean.MarkerSize = Math.Max(4, MarkerSize - (4 * twins.Count));
            var gaps = points.Where(point => !point.Paths[p].Of(metric).Mean.HasValue).Select(point => point.Point.Values[0].Text).ToList();
            var gap = gaps.Count == 0 ? "" : $"; none at {string.Join(", ", gaps)}: {metric.WithoutValue}";
            mean.LegendText = (twin is null
                ? $"{path} mean, 95% CI band"
                : $"{path} mean{(withP99 ? " and P99" : "")}: identical to {twin}") + gap;
            if (withP99)
            {
                var p99 = plot.Add.ScatterLine(xs, p99s, color.Lighten(0.25));
                p99.LineWidth = 1;
                p99.LegendText = twin is null ? $"{path} P99" : "";
            }
        }

        if (drawn.Count == 0)
        {
            ChartMarks.NoData(plot, $"{metric.WithoutValue} in any run on any path", 1);
            return plot;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            axis.Values.Select(v => v.Number).ToArray(),
            axis.Values.Select(v => v.Number.ToString("0.###", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.AutoScale();
        return plot;
    }

    /// <summary>One y range for every panel, so the eye compares heights across panels.</summary>
    private static void ShareY(List<Plot> panels, SweepReport report, SweepMetric metric)
    {
        var ends = report.Summaries.SelectMany(s => s.Paths).Select(p => p.Of(metric))
            .SelectMany(s => new[] { s.Ci95Low ?? s.Mean, s.Ci95High ?? s.Mean })
            .Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (ends.Count == 0)
        {
            return;
        }

        var low = ends.Min();
        var high = ends.Max();
        var pad = high > low ? (high - low) * 0.08 : Math.Max(1, Math.Abs(high) * 0.1);
        foreach (var panel in panels)
        {
            panel.Axes.SetLimitsY(low - pad, high + pad);
        }
    }
}
