using System.Globalization;
using RedisFailoverSim.Model.Metrics;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// <c>latency-cdf.png/svg</c>: the distribution of acknowledged writes' latency, one curve per path (lighter: only
/// the writes that started inside the failure window), latency on a log x axis, the share of writes on a "nines"
/// y axis (50 %, 90 %, 99 %, 99.9 %…) so the tail is as readable as the median; P50, P99 and P99.9 marked with the
/// values the table reports.
/// </summary>
internal static class LatencyCdfChart
{
    /// <summary>The file name without extension.</summary>
    public const string Name = "latency-cdf";

    /// <summary>Height of the panel in pixels.</summary>
    public const int PanelHeight = 520;

    private static readonly (double Quantile, string Label, MarkerShape Shape)[] Marked =
    [
        (0.50, "P50", MarkerShape.FilledCircle),
        (0.99, "P99", MarkerShape.FilledSquare),
        (0.999, "P99.9", MarkerShape.FilledDiamond),
    ];

    /// <summary>The figure for <paramref name="report"/>: one panel with every path.</summary>
    public static Figure Build(RunReport report)
    {
        var figure = new Figure($"Write latency distribution — {report.ScenarioName}", ChartText.Caption(report)
            + " · acknowledged writes only, latency from the intended start; markers: P50, P99, P99.9 as in results.json");
        figure.Add(PanelFor(report), PanelHeight);
        return figure;
    }

    /// <summary>The "nines" of a quantile: 0.9 → 1, 0.99 → 2, 0.999 → 3.</summary>
    public static double Nines(double quantile) => -Math.Log10(1 - quantile);

    private static Plot PanelFor(RunReport report)
    {
        var plot = Panel.Create(
            "acknowledged writes at or below a latency",
            "write latency (ms, log scale)",
            "acknowledged writes at or below (%, nines scale)",
            left: Panel.Left + 24,
            right: Panel.Right + 60);
        double min = double.MaxValue, max = double.MinValue, topNines = 3.15;
        var drawn = new List<(string Path, List<double> Latencies)>();
        foreach (var result in report.Paths)
        {
            if (result.Samples is not { } samples)
            {
                continue;
            }

            var all = Latencies(samples, _ => true);
            if (all.Count == 0)
            {
                continue;
            }

            min = Math.Min(min, all[0]);
            max = Math.Max(max, all[^1]);
            topNines = Math.Max(topNines, Math.Log10(all.Count) + 0.15);
            var color = ChartColors.Path(result.Path);
            var l = result.Latency;

            // The same latencies as a path drawn before: a thinner line on top of it, so both show, named so.
            var twin = drawn.FirstOrDefault(d => d.Latencies.SequenceEqual(all)).Path;
            drawn.Add((result.Path, all));
            float width = twin is null ? 2.5f : 1;
            AddCurve(plot, all, color, width, twin is not null
                ? $"{result.Path}: identical to {twin}"
                : l.Count == 0
                ? result.Path
                : $"{result.Path}: P50 {ChartText.Milliseconds(l.P50)}, P99 {ChartText.Milliseconds(l.P99)}, P99.9 {ChartText.Milliseconds(l.P999)} ms");
            if (result.FailureWindow is { } window)
            {
                var inWindow = Latencies(samples, s => s >= window.Start && s <= window.End);
                if (inWindow.Count > 0)
                {
                    // Lighter rather than dashed: Skia's SVG canvas cannot dash a long path (it warns on stderr).
                    AddCurve(plot, inWindow, color.Lighten(0.45), width, $"{result.Path}, started in the failure window");
                }
            }

            AddMarks(plot, result.Latency, color, labelled: report.Paths.Count == 1);
        }

        if (min > max)
        {
            ChartMarks.NoData(plot, "no write was acknowledged", 1);
            return plot;
        }

        var (low, high) = LogAxis.Decades(Math.Max(min, LatencyChart.FloorMs), Math.Max(max, LatencyChart.FloorMs));
        plot.Axes.Bottom.TickGenerator = LogAxis.Ticks(low, high);
        plot.Axes.Left.TickGenerator = NinesTicks((int)Math.Floor(topNines));
        plot.Axes.SetLimits(low, high, 0, topNines);
        return plot;
    }

    private static List<double> Latencies(WriteSamples samples, Func<double, bool> startedAt)
    {
        var list = new List<double>();
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples.Outcomes[i] == WriteOutcome.Ok && startedAt(samples.IntendedStartSeconds[i]))
            {
                list.Add(samples.LatencyMilliseconds[i]);
            }
        }

        list.Sort();
        return list;
    }

    /// <summary>
    /// The empirical distribution as (log10 latency, nines of the share below it), thinned to points at least a
    /// pixel apart.
    /// </summary>
    internal static (double[] X, double[] Y) Curve(IReadOnlyList<double> sorted)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < sorted.Count; i++)
        {
            double x = LogAxis.Of(sorted[i], LatencyChart.FloorMs);
            double y = Nines((double)i / sorted.Count);
            if (xs.Count == 0 || i == sorted.Count - 1 || Math.Abs(x - xs[^1]) > 0.003 || Math.Abs(y - ys[^1]) > 0.003)
            {
                xs.Add(x);
                ys.Add(y);
            }
        }

        return (xs.ToArray(), ys.ToArray());
    }

    private static void AddCurve(Plot plot, List<double> sorted, Color color, float width, string label)
    {
        var (xs, ys) = Curve(sorted);
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = width;
        line.LegendText = label;
    }

    /// <summary>
    /// Markers at P50, P99 and P99.9 with the values results.json reports; labelled beside the marker for a single
    /// path (with several, labels collide: the legend carries the values).
    /// </summary>
    private static void AddMarks(Plot plot, LatencySummary latency, Color color, bool labelled)
    {
        if (latency.Count == 0)
        {
            return;
        }

        foreach (var (quantile, label, shape) in Marked)
        {
            double ms = quantile switch
            {
                0.50 => latency.P50,
                0.99 => latency.P99,
                _ => latency.P999,
            };
            double x = LogAxis.Of(ms, LatencyChart.FloorMs), y = Nines(quantile);
            plot.Add.Marker(x, y, shape, 10, color);
            if (!labelled)
            {
                continue;
            }

            var text = plot.Add.Text($"{label} {ChartText.Milliseconds(ms)} ms", x, y);
            // Up and to the left of the marker: a rising curve leaves that corner empty.
            text.Alignment = Alignment.LowerRight;
            text.OffsetX = -6;
            text.OffsetY = -4;
            text.LabelFontSize = 12;
            text.LabelFontColor = color.Darken(0.4);
        }
    }

    private static ScottPlot.TickGenerators.NumericManual NinesTicks(int top)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        ticks.AddMajor(0, "0 %");
        ticks.AddMajor(Nines(0.5), "50 %");
        for (int n = 1; n <= top; n++)
        {
            double share = 100 * (1 - Math.Pow(10, -n));
            ticks.AddMajor(n, share.ToString("0.#####", CultureInfo.InvariantCulture) + " %");
        }

        return ticks;
    }
}
