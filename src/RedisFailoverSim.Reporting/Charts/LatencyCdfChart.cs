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
        // Paths drawn so far, by a fingerprint of their latencies (keeping every path's list would hold them all at once).
        var drawn = new List<(string Path, WriteSamples Samples, int Count, ulong Fingerprint)>();
        // One buffer, sized for the largest path and reused for every curve (a fresh array per curve is tens of MB on
        // a long run); a second only when a path's latencies must be compared with an earlier path's.
        var buffer = new double[report.Paths.Select(p => p.Samples?.Count ?? 0).DefaultIfEmpty(0).Max()];
        double[] twinBuffer = [];
        foreach (var result in report.Paths)
        {
            if (result.Samples is not { } samples)
            {
                continue;
            }

            var all = Latencies(samples, _ => true, ref buffer);
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
            ulong fingerprint = Fingerprint(all);
            var twin = drawn.FirstOrDefault(d => d.Count == all.Count && d.Fingerprint == fingerprint
                && Latencies(d.Samples, _ => true, ref twinBuffer).AsSpan().SequenceEqual(all.AsSpan())).Path;
            drawn.Add((result.Path, samples, all.Count, fingerprint));
            float width = twin is null ? 2.5f : 1;
            AddCurve(plot, all, color, width, twin is not null
                ? $"{result.Path}: identical to {twin}"
                : l.Count == 0
                ? result.Path
                : $"{result.Path}: P50 {ChartText.Milliseconds(l.P50)}, P99 {ChartText.Milliseconds(l.P99)}, P99.9 {ChartText.Milliseconds(l.P999)} ms");
            if (result.FailureWindow is { } window)
            {
                // The whole run's curve is drawn (its points copied out): the buffer is free again.
                var inWindow = Latencies(samples, s => s >= window.Start && s <= window.End, ref buffer);
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

    // Counted first, so the buffer grows at most once, to the size needed (a growing list holds old and new copies).
    private static ArraySegment<double> Latencies(WriteSamples samples, Func<double, bool> startedAt, ref double[] buffer)
    {
        bool Included(int i) => samples.Outcomes[i] == WriteOutcome.Ok && startedAt(samples.IntendedStartSeconds[i]);
        int count = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            count += Included(i) ? 1 : 0;
        }

        if (buffer.Length < count)
        {
            buffer = new double[count];
        }

        for (int i = 0, next = 0; i < samples.Count; i++)
        {
            if (Included(i))
            {
                buffer[next++] = samples.LatencyMilliseconds[i];
            }
        }

        Array.Sort(buffer, 0, count);
        return new ArraySegment<double>(buffer, 0, count);
    }

    // FNV-1a over the values' bits: equal lists give equal fingerprints (a match is then compared value by value).
    private static ulong Fingerprint(ArraySegment<double> values)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var value in values)
        {
            hash = unchecked((hash ^ (ulong)BitConverter.DoubleToInt64Bits(value)) * 1099511628211UL);
        }

        return hash;
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

    private static void AddCurve(Plot plot, ArraySegment<double> sorted, Color color, float width, string label)
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
