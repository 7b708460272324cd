using RedisFailoverSim.Reporting.Charts;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// One panel of a sweep chart over a list of values (<c>--vary client.library=a,b,c</c>): the values are names, not
/// points on a scale, so nothing joins them. Per value, each path's mean is a marker (its own shape and colour, side
/// by side) with its 95 % confidence interval as an error bar and, on the first panel, its P99 as a cross; a path
/// without a value there (no failover) leaves its slot empty and the legend says where.
/// </summary>
internal static class SweepCategoryChart
{
    private const float MarkerSize = 11;

    // The paths of one value sit side by side within this share of the gap between two values.
    private const double GroupWidth = 0.6;

    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    /// <summary>The comparison figure's file base name: <c>comparison.png</c>.</summary>
    public const string ComparisonName = "comparison";

    private const int ComparisonPanelHeight = 330;

    /// <summary>The metrics of the comparison figure, top to bottom: how long, how much lost, how much refused.</summary>
    private static readonly SweepMetric[] Compared =
        [SweepMetric.FailoverClientObserved, SweepMetric.AcknowledgedLost, SweepMetric.WritesFailed, SweepMetric.WritesUnknown];

    /// <summary>True when <paramref name="setup"/> varies one list of values, the sweep a comparison figure is for.</summary>
    public static bool HasComparison(SweepSetup setup) => setup.Axes.Count == 1 && setup.Axes[0].IsList;

    /// <summary>
    /// One figure to put on a slide: for each listed value (a client library, say), per path, the client-observed
    /// failover, the acknowledged writes lost, the failed and the unknown writes, one panel each, one legend.
    /// </summary>
    public static Figure Comparison(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var setup = report.Setup;
        var figure = new Figure(
            $"{char.ToUpperInvariant(SettingWords.Of(setup.Axes[0].Key)[0])}{SettingWords.Of(setup.Axes[0].Key)[1..]} compared — {setup.ScenarioName}",
            SweepCharts.Caption(setup, $"mean of {setup.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture)} runs per value and path, 95% CI; × P99 on the first panel"));
        for (var i = 0; i < Compared.Length; i++)
        {
            var metric = Compared[i];
            var without = SweepCharts.WithoutAnyValue(report, metric);
            var title = SweepCharts.Heading(metric) + (without.Count == 0 ? "" : $" ({string.Join(", ", without)}: {metric.WithoutValue})");
            var plot = Build(report, metric, report.Summaries, withP99: i == 0, title);
            if (i > 0)
            {
                Panel.RemoveLegend(plot);
            }

            figure.Add(plot, ComparisonPanelHeight);
        }

        return figure;
    }

    public static Plot Build(SweepReport report, SweepMetric metric, IReadOnlyList<PointSummary> points, bool withP99, string title)
    {
        var setup = report.Setup;
        var axis = setup.Axes[0];
        var plot = Panel.Create(title, SettingWords.Of(axis.Key), metric.TitleWithUnit);
        var paths = setup.Paths.Count;
        var drawn = 0;
        var top = 0.0;
        for (var p = 0; p < paths; p++)
        {
            var path = setup.Paths[p];
            var color = ChartColors.Path(path);
            var offset = paths == 1 ? 0 : ((p / (double)(paths - 1)) - 0.5) * GroupWidth;
            var gaps = new List<string>();
            ScottPlot.Plottables.Marker? first = null;
            foreach (var point in points)
            {
                var summary = point.Paths[p].Of(metric);
                var value = point.Point.Values[0];
                if (summary.Mean is not { } mean)
                {
                    gaps.Add(value.Text);
                    continue;
                }

                var x = value.Number + offset;
                var marker = plot.Add.Marker(x, mean, Shapes[p % Shapes.Length], MarkerSize, color);
                marker.LegendText = first is null ? $"{path} mean, 95% CI" : "";
                if (summary.Ci95High is { } high && high > mean)
                {
                    var bar = plot.Add.ErrorBar([x], [mean], [high - mean]);
                    bar.Color = color;
                }

                if (withP99 && summary.P99 is { } p99)
                {
                    var cross = plot.Add.Marker(x, p99, MarkerShape.Eks, MarkerSize * 0.8f, color.Lighten(0.2));
                    cross.LegendText = first is null ? $"{path} P99" : "";
                }

                top = Math.Max(top, Math.Max(summary.Ci95High ?? mean, withP99 ? summary.P99 ?? mean : mean));
                first ??= marker;
                drawn++;
            }

            // A path with no value anywhere is named in the caption; one with gaps says where in its legend entry.
            if (first is not null && gaps.Count > 0)
            {
                first.LegendText += $"; none at {string.Join(", ", gaps)}: {metric.WithoutValue}";
            }
        }

        if (drawn == 0)
        {
            ChartMarks.NoData(plot, $"{metric.WithoutValue} in any run on any path", Math.Max(1, axis.Values.Count - 1));
            return plot;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            axis.Values.Select(v => v.Number).ToArray(),
            axis.Values.Select(v => v.Text).ToArray());
        plot.Axes.SetLimitsX(-0.6, axis.Values.Count - 0.4);

        // Counts and seconds start at zero, so heights compare honestly between names; an all-zero panel spans 0-1.
        var span = top > 0 ? top : 1;
        plot.Axes.SetLimitsY(-span * 0.04, span * 1.06);
        return plot;
    }
}
