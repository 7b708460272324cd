using System.Globalization;
using RedisFailoverSim.Reporting.Charts;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// A sweep chart with <c>--vary</c>: per path, the mean of the metric against the varied setting with its 95 %
/// confidence band and the P99 as a thin, lighter line; with a second setting, one such panel per value of it.
/// Each path has its own marker shape, and a path whose numbers equal an earlier path's at every point (or come
/// within 1 % of the axis of them) is drawn with a smaller marker and a thinner line on top of it and named
/// "identical to …" ("drawn over …") in the legend, so no series hides under another. A list of values (names) is
/// drawn by <see cref="SweepCategoryChart"/> instead: no line joins two names. (No dashes: Skia's SVG canvas cannot draw them and says so on stderr.)
/// </summary>
internal static class SweepCurveChart
{
    private const int PanelHeight = 560;
    private const int SmallPanelHeight = 400;
    private const float MarkerSize = 11;

    // Two series closer than this share of the values' span at every point are drawn on top of one another.
    private const double Overlap = 0.01;

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
        if (axis.IsList)
        {
            return SweepCategoryChart.Build(report, metric, points, withP99, title);
        }

        var series = Enumerable.Range(0, setup.Paths.Count)
            .Select(p => (Index: p, Rows: points
                .Select(point => (X: point.Point.Values[0].Number, Text: point.Point.Values[0].Text, Summary: point.Paths[p].Of(metric)))
                .Where(r => r.Summary.Mean.HasValue)
                .ToList()))
            .Where(s => s.Rows.Count > 0)
            .ToList();

        // Points where no path has a value (no failover anywhere while the partition is shorter than down-after) are
        // said once, in the panel's title, not in every path's legend entry.
        var nowhere = points
            .Where(point => series.All(s => !point.Paths[s.Index].Of(metric).Mean.HasValue))
            .Select(point => point.Point.Values[0].Text)
            .ToList();
        var fullTitle = nowhere.Count == 0 || series.Count == 0
            ? title
            : $"{title}; none at {string.Join(", ", nowhere)} on any path: {metric.WithoutValue}";
        var plot = Panel.Create(fullTitle, SettingWords.Label(axis), metric.TitleWithUnit);

        // What "drawn on top of one another" means: closer than a hundredth of the values' span at every point.
        var values = series.SelectMany(s => s.Rows).SelectMany(r => withP99 ? new[] { r.Summary.Mean!.Value, r.Summary.P99!.Value } : new[] { r.Summary.Mean!.Value }).ToList();
        var near = values.Count == 0 ? 0 : (values.Max() - values.Min()) * Overlap;
        var drawn = new List<(string Path, double[] Xs, double[] Means, double[] P99s)>();
        foreach (var (p, rows) in series)
        {
            var path = setup.Paths[p];
            var color = ChartColors.Path(path);
            var xs = rows.Select(r => r.X).ToArray();
            var means = rows.Select(r => r.Summary.Mean!.Value).ToArray();
            var p99s = rows.Select(r => r.Summary.P99!.Value).ToArray();

            // Identical numbers at every point, or too close to tell apart: the later path is drawn smaller on top of
            // the earlier one and the legend says which it covers.
            var twins = drawn.Where(d => d.Xs.SequenceEqual(xs) && Same(d.Means, means, 0) && (!withP99 || Same(d.P99s, p99s, 0))).ToList();
            var close = drawn.Where(d => d.Xs.SequenceEqual(xs) && Same(d.Means, means, near) && (!withP99 || Same(d.P99s, p99s, near))).ToList();
            var twin = twins.Count > 0 ? twins[0].Path : null;
            var covered = close.Count > 0 ? close[0].Path : null;
            drawn.Add((path, xs, means, p99s));

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
            mean.LineWidth = close.Count == 0 ? 2.5f : 1;
            mean.MarkerShape = Shapes[style];
            mean.MarkerSize = Math.Max(4, MarkerSize - (4 * close.Count));
            var gaps = points
                .Where(point => !point.Paths[p].Of(metric).Mean.HasValue)
                .Select(point => point.Point.Values[0].Text)
                .Where(text => !nowhere.Contains(text))
                .ToList();
            var gap = gaps.Count == 0 ? "" : $"; none at {string.Join(", ", gaps)}: {metric.WithoutValue}";
            var both = withP99 ? " and P99" : "";
            mean.LegendText = (twin is not null
                ? $"{path} mean{both}: identical to {twin}"
                : covered is not null
                    ? $"{path} mean{both}: drawn over {covered}, within 1% of the axis at every point"
                    : $"{path} mean, 95% CI band") + gap;
            if (withP99)
            {
                var p99 = plot.Add.ScatterLine(xs, p99s, color.Lighten(0.25));
                p99.LineWidth = 1;
                p99.LegendText = covered is null ? $"{path} P99" : "";
            }
        }

        if (drawn.Count == 0)
        {
            ChartMarks.NoData(plot, $"{metric.WithoutValue} in any run on any path", 1);
            return plot;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            axis.Values.Select(v => v.Number).ToArray(),
            axis.Values.Select(v => v.Number.ToString("0.#", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.AutoScale();

        // The axis spans every grid value, so a point where no path has a value shows as a gap, not as a shorter axis.
        var limits = plot.Axes.GetLimits();
        var (from, to) = (axis.Values.Min(v => v.Number), axis.Values.Max(v => v.Number));
        var pad = (to - from) * 0.04;
        plot.Axes.SetLimitsX(Math.Min(limits.Left, from - pad), Math.Max(limits.Right, to + pad));
        return plot;
    }

    private static bool Same(double[] a, double[] b, double within) =>
        a.Length == b.Length && a.Zip(b).All(v => Math.Abs(v.First - v.Second) <= within);

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
