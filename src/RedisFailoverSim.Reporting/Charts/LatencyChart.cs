using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Timeline;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// <c>latency.png/svg</c>, Jepsen's latency-raw plot per path (docs/sources.md §15.1): every write at its intended start,
/// latency on a log scale, coloured by outcome; P50 and P99 per second of intended start; each fault a shaded
/// band with a legend entry; promotions and demotions as vertical lines.
/// </summary>
internal static class LatencyChart
{
    /// <summary>The file name without extension.</summary>
    public const string Name = "latency";

    /// <summary>Height of one path's panel in pixels.</summary>
    public const int PanelHeight = 380;

    /// <summary>The lowest latency shown (ms): a failed write that never left the client has 0.</summary>
    public const double FloorMs = 0.01;

    private const double BucketSeconds = 1;

    /// <summary>The figure for <paramref name="report"/>: one panel per path.</summary>
    public static Figure Build(RunReport report)
    {
        var figure = new Figure($"Write latency over time — {report.ScenarioName}", ChartText.Caption(report)
            + " · each dot is one write at its intended start (overlapping dots drawn once); latency from the intended"
            + " start, so a stalled client's queueing counts");
        // Every panel shares the time and latency axes, so paths compare at a glance.
        double end = ChartMarks.CommonEnd(report);
        var range = LatencyRange(report.Paths.Where(p => p.Samples is not null).Select(p => p.Samples!));
        foreach (var result in report.Paths)
        {
            figure.Add(PanelFor(result, end, range), PanelHeight);
        }

        return figure;
    }

    private static Plot PanelFor(PathResult result, double end, (int Low, int High) range)
    {
        var plot = Panel.Create(
            $"{result.Path}: latency of every write",
            "time since start (s), by the write's intended start",
            "write latency (ms, log scale)");
        ChartMarks.FaultBands(plot, result);
        if (result.Samples is not { Count: > 0 } samples)
        {
            ChartMarks.NoData(plot, "no writes were kept for this run", end);
            return plot;
        }

        var (low, high) = range;
        var pixels = new PixelGrid(0, end, low, high, Width: 430, Height: 150);
        AddDots(plot, samples, i => samples.Outcomes[i] == WriteOutcome.Ok && !samples.Lost[i], ChartColors.Ok, "ok (acknowledged)", pixels);
        AddDots(plot, samples, i => samples.Lost[i], ChartColors.Lost, "ok, then lost", pixels);
        AddDots(plot, samples, i => samples.Outcomes[i] == WriteOutcome.Unknown, ChartColors.Unknown, "unknown (timed out: info)", pixels);
        AddDots(plot, samples, i => samples.Outcomes[i] == WriteOutcome.Failed, ChartColors.Failed, "failed (error, or never sent)", pixels);
        AddQuantile(plot, samples, 0.50, ChartColors.P50, "P50 per second (acknowledged)", LinePattern.Solid);
        AddQuantile(plot, samples, 0.99, ChartColors.P99, "P99 per second (acknowledged)", LinePattern.Dashed);
        ChartMarks.RoleChanges(plot, new RunTimeline(result));
        plot.Axes.Left.TickGenerator = LogAxis.Ticks(low, high);
        plot.Axes.SetLimits(0, end, low, high);
        return plot;
    }

    /// <summary>The decades that cover every finished write's latency in <paramref name="all"/>.</summary>
    internal static (int Low, int High) LatencyRange(IEnumerable<WriteSamples> all)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (var samples in all)
        {
            for (int i = 0; i < samples.Count; i++)
            {
                if (samples.Outcomes[i] != WriteOutcome.Pending)
                {
                    double ms = Math.Max(samples.LatencyMilliseconds[i], FloorMs);
                    min = Math.Min(min, ms);
                    max = Math.Max(max, ms);
                }
            }
        }

        return min > max ? (-1, 1) : LogAxis.Decades(min, max);
    }

    private static void AddDots(Plot plot, WriteSamples samples, Func<int, bool> include, Color color, string label, PixelGrid pixels)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var seen = new HashSet<long>();
        int count = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            if (!include(i))
            {
                continue;
            }

            count++;
            double x = samples.IntendedStartSeconds[i];
            double y = LogAxis.Of(samples.LatencyMilliseconds[i], FloorMs);

            // Dots whose centres share a 2-pixel cell are drawn once: 4-pixel dots look the same, the SVG is 20x smaller.
            if (seen.Add(pixels.Cell(x, y)))
            {
                xs.Add(x);
                ys.Add(y);
            }
        }

        if (count == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledCircle, 4, color);
        markers.LegendText = $"{label}: {ChartText.Count(count)}";
    }

    private static void AddQuantile(Plot plot, WriteSamples samples, double quantile, Color color, string label, LinePattern pattern)
    {
        var points = QuantilesPerBucket(samples, quantile);
        bool first = true;
        foreach (var segment in Segments(points))
        {
            var line = plot.Add.ScatterLine(segment.Select(p => p.X).ToArray(), segment.Select(p => LogAxis.Of(p.Ms, FloorMs)).ToArray(), color);
            line.LineWidth = 2;
            line.LinePattern = pattern;
            if (first)
            {
                line.LegendText = label;
                first = false;
            }
        }
    }

    /// <summary>The quantile of acknowledged writes' latency per bucket of intended start (bucket midpoint, ms).</summary>
    internal static List<(double X, double Ms)> QuantilesPerBucket(WriteSamples samples, double quantile)
    {
        // Writes come in issue order, so a bucket's writes are one stretch of indices: each bucket is gathered into
        // one reused buffer and sorted there, instead of holding every latency of the run in per-bucket lists.
        // The order is checked: were a write's bucket ever earlier than the one before it, per-bucket lists are used.
        var result = new List<(double, double)>();
        var bucket = new List<double>();
        long current = long.MinValue;
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples.Outcomes[i] != WriteOutcome.Ok)
            {
                continue;
            }

            long b = Bucket(samples, i);
            if (b < current)
            {
                return QuantilesPerBucketInAnyOrder(samples, quantile);
            }

            if (b != current)
            {
                AddBucketQuantile(result, bucket, current, quantile);
                current = b;
            }

            bucket.Add(samples.LatencyMilliseconds[i]);
        }

        AddBucketQuantile(result, bucket, current, quantile);
        return result;
    }

    private static void AddBucketQuantile(List<(double, double)> result, List<double> bucket, long index, double quantile)
    {
        if (bucket.Count > 0)
        {
            bucket.Sort();
            result.Add(((index + 0.5) * BucketSeconds, Quantiles.NearestRank(bucket, quantile)));
            bucket.Clear();
        }
    }

    private static List<(double X, double Ms)> QuantilesPerBucketInAnyOrder(WriteSamples samples, double quantile)
    {
        var buckets = new SortedDictionary<long, List<double>>();
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples.Outcomes[i] == WriteOutcome.Ok)
            {
                long b = Bucket(samples, i);
                if (!buckets.TryGetValue(b, out var list))
                {
                    buckets[b] = list = [];
                }

                list.Add(samples.LatencyMilliseconds[i]);
            }
        }

        var result = new List<(double, double)>();
        foreach (var (b, list) in buckets)
        {
            AddBucketQuantile(result, list, b, quantile);
        }

        return result;
    }

    private static long Bucket(WriteSamples samples, int i) => (long)Math.Floor(samples.IntendedStartSeconds[i] / BucketSeconds);

    /// <summary>Splits the points where buckets are missing, so a line never bridges a stretch with no acknowledgement.</summary>
    private static IEnumerable<List<(double X, double Ms)>> Segments(List<(double X, double Ms)> points)
    {
        var segment = new List<(double X, double Ms)>();
        foreach (var p in points)
        {
            if (segment.Count > 0 && p.X - segment[^1].X > BucketSeconds * 1.5)
            {
                yield return segment;
                segment = [];
            }

            segment.Add(p);
        }

        if (segment.Count > 0)
        {
            yield return segment;
        }
    }
}
