using System.Globalization;
using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Terminal;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// A sweep chart without <c>--vary</c>: one horizontal strip per path, each on its own value scale, with every run as a
/// dot, the box (P25–P75, line at P50, whiskers min–max), the mean with its 95 % confidence interval and P99.
/// </summary>
internal static class SweepDistributionChart
{
    private const int StripHeight = 190;
    private const int EmptyStripHeight = 120;

    // Rows of a strip (y from -0.5 to 0.5): the runs' dots at the bottom, the box in the middle, the mean with its
    // confidence interval at the top, so no mark hides another.
    private const double DotsLow = -0.46;
    private const double DotsHigh = -0.24;
    private const double BoxHalf = 0.16;
    private const double MeanRow = 0.34;

    public static Figure Build(SweepReport report, SweepMetric metric)
    {
        var setup = report.Setup;
        var figure = new Figure(
            $"{SweepCharts.Heading(metric)} per run — {setup.ScenarioName}",
            SweepCharts.Caption(setup, SweepCharts.WithoutValueNote(report, metric)
                + (SweepCharts.WithoutAnyValue(report, metric).Count == 0 ? "" : " · ")
                + "each strip on its own scale"));
        var strips = new List<(Plot Plot, bool HasData)>();
        for (var p = 0; p < setup.Paths.Count; p++)
        {
            var values = report.Replications.Column(0, p).Select(metric.Value).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
            strips.Add((Strip(setup.Paths[p], values, report.Summaries[0].Paths[p].Of(metric), metric, setup.Runs), values.Length > 0));
        }

        // One legend, on the first strip that has marks; the others keep its space so the data areas line up.
        var legendAt = strips.FindIndex(s => s.HasData);
        for (var i = 0; i < strips.Count; i++)
        {
            if (i != legendAt)
            {
                Panel.RemoveLegend(strips[i].Plot);
            }

            figure.Add(strips[i].Plot, strips[i].HasData ? StripHeight : EmptyStripHeight);
        }

        return figure;
    }

    private static Plot Strip(string path, double[] values, MetricSummary summary, SweepMetric metric, int runs)
    {
        var plot = Panel.Create(StripTitle(path, summary, metric, runs), values.Length == 0 ? "" : metric.TitleWithUnit, "", left: 40);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        if (values.Length == 0)
        {
            ChartMarks.NoData(plot, $"{path}: {metric.WithoutValue} in all {Count(runs)} runs", 1);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            return plot;
        }

        var color = ChartColors.Path(path);
        var sorted = values.Order().ToArray();
        // Drawn from shapes: ScottPlot 5.1.59 does not render horizontal boxes (Box.Orientation throws).
        double p25 = SampleStatistics.Percentile(sorted, 0.25), p75 = SampleStatistics.Percentile(sorted, 0.75);
        foreach (var (start, stop) in new[] { (sorted[0], p25), (p75, sorted[^1]) })
        {
            Line(plot, start, 0, stop, 0, color.Darken(0.2));
        }

        foreach (var end in new[] { sorted[0], sorted[^1] })
        {
            Line(plot, end, -BoxHalf / 2, end, BoxHalf / 2, color.Darken(0.2));
        }

        var box = plot.Add.Rectangle(p25, Math.Max(p75, p25), -BoxHalf, BoxHalf);
        box.FillColor = color.WithAlpha(0.3);
        box.LineColor = color.Darken(0.2);
        box.LineWidth = 1.5f;
        box.LegendText = "box P25–P75, line P50, whiskers min–max";
        var median = SampleStatistics.Percentile(sorted, 0.50);
        Line(plot, median, -BoxHalf, median, BoxHalf, color.Darken(0.35));

        // Every run as a dot, spread over its row by a fixed sequence (no random: the chart is a function
        // of the numbers), so a thousand runs at one value read as a column, not a single dot.
        var ys = values.Select((_, i) => DotsLow + ((i * 0.6180339887) % 1 * (DotsHigh - DotsLow))).ToArray();
        var dots = plot.Add.ScatterPoints(values, ys, color.WithAlpha(0.55));
        dots.MarkerSize = 5;
        dots.LegendText = "one run";

        var mean = summary.Mean!.Value;
        if (summary.Ci95Low is { } low && summary.Ci95High is { } high && high > low)
        {
            var interval = plot.Add.Line(low, MeanRow, high, MeanRow);
            interval.Color = Colors.Black;
            interval.LineWidth = 2;
            foreach (var end in new[] { low, high })
            {
                var cap = plot.Add.Line(end, MeanRow - 0.07, end, MeanRow + 0.07);
                cap.Color = Colors.Black;
                cap.LineWidth = 2;
            }
        }

        var meanMark = plot.Add.Marker(mean, MeanRow, MarkerShape.FilledDiamond, 12, Colors.Black);
        meanMark.LegendText = "mean, with its 95% confidence interval";
        var p99 = plot.Add.Marker(summary.P99!.Value, MeanRow, MarkerShape.Eks, 12, Colors.Black);
        p99.LegendText = "P99";

        if (sorted[0] == sorted[^1])
        {
            // One value in every run: a single tick at it, not a scale of values no run had.
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([sorted[0]], [Value(sorted[0], metric)]);
        }

        var (from, to) = Range(sorted[0], sorted[^1]);
        plot.Axes.SetLimits(from, to, -0.5, 0.5);
        return plot;
    }

    private static void Line(Plot plot, double x1, double y1, double x2, double y2, Color color)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.Color = color;
        line.LineWidth = 1.5f;
    }

    /// <summary>The strip's title: what a reader compares across paths, in numbers.</summary>
    private static string StripTitle(string path, MetricSummary summary, SweepMetric metric, int runs)
    {
        if (summary.Count == 0)
        {
            return path;
        }

        var missing = summary.Count < runs ? $" ({Count(runs - summary.Count)} of {Count(runs)} runs: {metric.WithoutValue})" : "";
        if (summary.Min == summary.Max)
        {
            return $"{path}: all {Count(summary.Count)} runs {Value(summary.Min!.Value, metric)} {metric.Unit}{missing}";
        }

        var interval = summary.Ci95Low is { } low && summary.Ci95High is { } high
            ? $" (95% CI {Number(low, metric)}–{Number(high, metric)})"
            : "";
        return $"{path}: {Count(summary.Count)} runs, mean {metric.Format(summary.Mean!.Value)}{interval}, "
            + $"P99 {metric.Format(summary.P99!.Value)}{missing}";
    }

    /// <summary>The strip's value range: the data with a margin; a single value gets a window around it.</summary>
    internal static (double From, double To) Range(double min, double max)
    {
        if (max > min)
        {
            var pad = (max - min) * 0.08;
            return (min - pad, max + pad);
        }

        var half = Math.Max(1, Math.Abs(min) * 0.1);
        return (min - half, max + half);
    }

    /// <summary>A value every run had: whole numbers without decimals (0 writes, not 0.0 writes).</summary>
    private static string Value(double value, SweepMetric metric) =>
        value == Math.Floor(value) && metric.Unit == "writes" ? Numbers.Count((long)value) : Number(value, metric);

    private static string Number(double value, SweepMetric metric) => Numbers.ByUnit(value, metric.Unit);

    private static string Count(int value) => Numbers.Count(value);
}
