using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Timeline;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// <c>lost-writes.png/svg</c>: acknowledged writes kept vs lost per path (Jepsen's set-checker summary as bars),
/// then per path where on the timeline each node acknowledged them: writes per second on the acknowledging node's
/// lane, the lost ones in magenta and struck out where the node discarded them (docs/sources.md §15.4).
/// </summary>
internal static class LostWritesChart
{
    /// <summary>The file name without extension.</summary>
    public const string Name = "lost-writes";

    private const int LanePixels = 44;
    private const double LaneFill = 0.8;

    /// <summary>The figure for <paramref name="report"/>: the totals, then one timeline panel per path.</summary>
    public static Figure Build(RunReport report)
    {
        var figure = new Figure($"Acknowledged writes kept and lost — {report.ScenarioName}", ChartText.Caption(report)
            + " · lost: acknowledged to a client, absent from the final dataset after every fault healed");
        figure.Add(Totals(report), (int)(Panel.Top + Panel.Bottom + 30 + (report.Paths.Count * 46)));
        double end = ChartMarks.CommonEnd(report);
        foreach (var result in report.Paths)
        {
            var lanes = Lanes(result);
            figure.Add(WhereAcknowledged(result, end, lanes), (int)(Panel.Top + Panel.Bottom + 30 + (Math.Max(2, lanes.Count) * LanePixels)));
        }

        return figure;
    }

    private static Plot Totals(RunReport report)
    {
        var plot = Panel.Create("acknowledged writes per path", "acknowledged writes", "");
        var kept = new List<Bar>();
        var lost = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        long max = 1;
        for (int i = 0; i < report.Paths.Count; i++)
        {
            var w = report.Paths[i].Writes;
            double y = -i;
            ticks.AddMajor(y, report.Paths[i].Path);
            max = Math.Max(max, w.Acknowledged);
            kept.Add(new Bar { Position = y, ValueBase = 0, Value = w.Acknowledged - w.AcknowledgedLost, Size = 0.6, FillColor = ChartColors.Ok, LineWidth = 0, Orientation = Orientation.Horizontal });
            if (w.AcknowledgedLost > 0)
            {
                lost.Add(new Bar { Position = y, ValueBase = w.Acknowledged - w.AcknowledgedLost, Value = w.Acknowledged, Size = 0.6, FillColor = ChartColors.Lost, LineWidth = 0, Orientation = Orientation.Horizontal });
            }

            var label = plot.Add.Text(Summary(w), w.Acknowledged, y);
            label.Alignment = Alignment.MiddleLeft;
            label.OffsetX = 8;
            label.LabelFontSize = 13;
        }

        var keptBars = plot.Add.Bars(kept);
        keptBars.Horizontal = true;
        keptBars.LegendText = "acknowledged, kept";
        if (lost.Count > 0)
        {
            var lostBars = plot.Add.Bars(lost);
            lostBars.Horizontal = true;
            lostBars.LegendText = "acknowledged, then lost";
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(0, max * 1.75, -report.Paths.Count + 0.4, 0.6);
        return plot;
    }

    /// <summary>The bar's label: "16,081 acknowledged, 3,632 lost (22.6%)".</summary>
    internal static string Summary(WriteCounts w) =>
        $"{ChartText.Count(w.Acknowledged)} acknowledged, {ChartText.Count(w.AcknowledgedLost)} lost "
        + $"({Terminal.Numbers.Percent(w.AcknowledgedLost, w.Acknowledged)})";

    /// <summary>
    /// The nodes that acknowledged at least one write, in node order (a lane each; the others would stay empty),
    /// or every node when the writes were not kept.
    /// </summary>
    internal static List<int> Lanes(PathResult result)
    {
        if (result.Samples is not { } s)
        {
            return Enumerable.Range(0, result.Nodes.Count).ToList();
        }

        var acked = new bool[result.Nodes.Count];
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && s.AckedBy[i] >= 0 && s.AckedBy[i] < acked.Length)
            {
                acked[s.AckedBy[i]] = true;
            }
        }

        return Enumerable.Range(0, acked.Length).Where(n => acked[n]).ToList();
    }

    private static Plot WhereAcknowledged(PathResult result, double end, List<int> lanes)
    {
        var none = result.Writes.AcknowledgedLost == 0 ? ": none lost" : "";
        var plot = Panel.Create(
            $"{result.Path}: acknowledged writes per second, on the node that acknowledged them{none}",
            "time since start (s), when the client got the acknowledgement",
            "");
        var timeline = new RunTimeline(result);
        ChartMarks.FaultBands(plot, result);
        ChartMarks.SplitBrainBands(plot, timeline, alpha: 0.12);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < lanes.Count; i++)
        {
            ticks.AddMajor(-i, result.Nodes[lanes[i]]);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.SetLimits(0, end, -Math.Max(2, lanes.Count) + 0.5, 0.7);
        if (result.Samples is not { Count: > 0 } samples)
        {
            return plot;
        }

        var perSecond = AcknowledgementsPerSecond(samples, result.Nodes.Count);
        if (perSecond.Count == 0)
        {
            // min-replicas-to-write above the replica count, a 30-day network: a path may acknowledge nothing at all.
            var note = plot.Add.Text("no write was acknowledged on this path", end / 2, 0.6 - (Math.Max(2, lanes.Count) / 2.0));
            note.Alignment = Alignment.MiddleCenter;
            note.LabelFontSize = 14;
            return plot;
        }


        // A lane is full at the 95th percentile of writes per second (plus a fifth): the burst of queued writes a
        // new primary acknowledges at once would otherwise flatten every other second. Taller bars are clipped.
        var totals = perSecond.Select(b => (double)(b.Kept + b.Lost)).Order().ToList();
        double peak = Math.Max(1, Math.Ceiling(Quantiles.NearestRank(totals, 0.95) * 1.2));
        var kept = new List<Bar>();
        var lost = new List<Bar>();
        foreach (var b in perSecond)
        {
            double baseY = -lanes.IndexOf(b.Node) - 0.4;
            double keptTop = baseY + (LaneFill * Math.Min(1, b.Kept / peak));
            if (b.Kept > 0)
            {
                kept.Add(Bar(b.Second, baseY, keptTop, ChartColors.Ok));
            }

            if (b.Lost > 0)
            {
                lost.Add(Bar(b.Second, keptTop, baseY + (LaneFill * Math.Min(1, (b.Kept + b.Lost) / peak)), ChartColors.Lost));
            }
        }

        plot.Add.Bars(kept).LegendText = $"acknowledged, kept (lane full = {ChartText.Count((long)peak)}/s)";
        if (lost.Count > 0)
        {
            plot.Add.Bars(lost).LegendText = "acknowledged, then lost (struck out)";
            StrikeOut(plot, result, lanes, lost, samples);
        }

        return plot;
    }

    private static Bar Bar(long second, double from, double to, Color color) => new()
    {
        Position = second + 0.5,
        ValueBase = from,
        Value = to,
        Size = 1,
        FillColor = color,
        LineWidth = 0,
    };

    /// <summary>Acknowledged writes per node per second of acknowledgement: kept and lost.</summary>
    internal static List<(int Node, long Second, long Kept, long Lost)> AcknowledgementsPerSecond(WriteSamples samples, int nodeCount)
    {
        var counts = new SortedDictionary<(int Node, long Second), (long Kept, long Lost)>();
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples.Outcomes[i] != WriteOutcome.Ok || samples.AckedBy[i] < 0 || samples.AckedBy[i] >= nodeCount)
            {
                continue;
            }

            var key = (samples.AckedBy[i], (long)Math.Floor(samples.IntendedStartSeconds[i] + (samples.LatencyMilliseconds[i] / 1000)));
            var c = counts.GetValueOrDefault(key);
            counts[key] = samples.Lost[i] ? (c.Kept, c.Lost + 1) : (c.Kept + 1, c.Lost);
        }

        return counts.Select(kv => (kv.Key.Node, kv.Key.Second, kv.Value.Kept, kv.Value.Lost)).ToList();
    }

    /// <summary>
    /// Strikes out each node's lost writes: a red line through them from the first to the last, and a mark where
    /// the node discarded them (its full resync), labelled with the count.
    /// </summary>
    private static void StrikeOut(Plot plot, PathResult result, List<int> lanes, List<Bar> lostBars, WriteSamples samples)
    {
        bool labelled = false;
        for (int lane = 0; lane < lanes.Count; lane++)
        {
            int node = lanes[lane];
            var bars = lostBars.Where(b => b.ValueBase > -lane - 0.5 && b.Value < -lane + 0.5).ToList();
            if (bars.Count == 0)
            {
                continue;
            }

            long count = 0;
            for (int i = 0; i < samples.Count; i++)
            {
                count += samples.Lost[i] && samples.AckedBy[i] == node ? 1 : 0;
            }

            var name = result.Nodes[node];
            double first = bars.Min(b => b.Position - 0.5), last = bars.Max(b => b.Position + 0.5);
            double y = bars.Average(b => (b.ValueBase + b.Value) / 2);
            var strike = plot.Add.Line(first, y, last, y);
            strike.LineColor = ChartColors.StrikeOut;
            strike.LineWidth = 3;
            var discard = result.Events.FirstOrDefault(e => e.Source == name && e.Kind == "discard" && e.Seconds >= last - 1);
            if (discard is not null)
            {
                var mark = plot.Add.Marker(discard.Seconds, y, MarkerShape.Eks, 16, ChartColors.StrikeOut);
                mark.MarkerLineWidth = 3;
                if (!labelled)
                {
                    mark.LegendText = "where the node discarded them";
                    labelled = true;
                }
            }

            var text = plot.Add.Text(
                discard is null
                    ? $"{ChartText.Count(count)} writes acknowledged by {name}, lost"
                    : $"{ChartText.Count(count)} writes acknowledged by {name}, discarded by its resync at {ChartText.Seconds1(discard.Seconds)} s",
                first + 1,
                -lane + 0.25);
            text.Alignment = Alignment.MiddleLeft;
            text.LabelFontSize = 13;
            text.LabelBold = true;
            text.LabelFontColor = ChartColors.StrikeOut;
        }
    }
}
