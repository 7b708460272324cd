using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Timeline;
using RedisFailoverSim.Reporting.Trace;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// <c>roles.png/svg</c>, the split-brain picture (docs/sources.md §15.4): per path one lane per node (primary, replica,
/// syncing, down, paused; isolated hatched), faults shaded, every stretch with two primaries in red, epoch changes
/// as dotted lines, and for Sentinel one lane per Sentinel with its SDOWN, ODOWN, vote, election and
/// <c>+switch-master</c> moments.
/// </summary>
internal static class RolesChart
{
    /// <summary>The file name without extension.</summary>
    public const string Name = "roles";

    private const double BarHalfHeight = 0.32;
    private const int LanePixels = 34;
    private const double StripePixels = 7;
    // Two label rows above the first lane: the split-brain label (0.62) and the epoch labels (1.02).
    private const double TopY = 1.3;

    // A refusal this short gets a close-up: at a 2-minute run's scale 5 s is about 30 pixels.
    private const double ShortRefusalSeconds = 5;

    /// <summary>The Sentinel moments drawn on the Sentinel lanes, in legend order.</summary>
    private static readonly (string Kind, string Label, MarkerShape Shape, float Size, string Color)[] SentinelMarks =
    [
        ("+vote-for-leader", "+vote-for-leader (a vote cast)", MarkerShape.OpenCircle, 16, "#3182BD"),
        ("+sdown", "+sdown master (subjectively down)", MarkerShape.FilledTriangleDown, 9, "#E6550D"),
        ("+odown", "+odown (quorum agrees: objectively down)", MarkerShape.FilledDiamond, 9, "#A63603"),
        ("+elected-leader", "+elected-leader (runs the failover)", MarkerShape.FilledSquare, 9, "#08519C"),
        ("+switch-master", "+switch-master (learned the new primary)", MarkerShape.FilledTriangleUp, 9, "#1B7837"),
        ("+convert-to-slave", "+convert-to-slave (old primary told to follow)", MarkerShape.Eks, 11, "#5D4037"),
    ];

    /// <summary>The figure for <paramref name="report"/>: one panel per path.</summary>
    public static Figure Build(RunReport report)
    {
        var figure = new Figure($"Who was primary — {report.ScenarioName}", ChartText.Caption(report)
            + " · red: two primaries accepting writes at once (split brain); orange: two primaries by role, one refusing writes");
        double end = ChartMarks.CommonEnd(report);
        foreach (var result in report.Paths)
        {
            var sentinels = SentinelNames(result);
            int height = (int)(Panel.Top + Panel.Bottom + 54 + ((result.Nodes.Count + sentinels.Count) * LanePixels));
            var closeUp = FailoverCloseUp(result);
            double bottom = Bottom(result, sentinels);
            var overview = PanelFor(result, sentinels, ChartView.For(0, end, bottom, TopY, height), $"{result.Path}: node roles over time");

            // The legend must fit beside the lanes: a small cluster with many kinds of marks gets a taller panel.
            if (Panel.HeightForLegend(overview) > height)
            {
                height = Panel.HeightForLegend(overview);
                overview = PanelFor(result, sentinels, ChartView.For(0, end, bottom, TopY, height), $"{result.Path}: node roles over time");
            }

            figure.Add(overview, height);
            if (closeUp is { } c)
            {
                MarkCloseUp(overview, result, sentinels, c);
                var title = $"{result.Path}: the failover up close, {ChartText.Seconds(c.From)}–{ChartText.Seconds(c.To)} s (same legend)";
                var detail = PanelFor(result, sentinels, ChartView.For(c.From, c.To, bottom, TopY, height), title);
                Panel.RemoveLegend(detail);
                figure.Add(detail, height);
            }
        }

        return figure;
    }

    /// <summary>
    /// The seconds around the first Sentinel failover (from the first <c>+sdown master</c> to the last SDOWN,
    /// vote, election or <c>+switch-master</c> within 10 s of it), else around a cluster's first -CLUSTERDOWN
    /// refusal, or null without either. At the full run's scale
    /// these moments fall on the same few pixels.
    /// </summary>
    internal static (double From, double To)? FailoverCloseUp(PathResult result)
    {
        var marks = result.Events.Where(IsMark).ToList();
        var first = marks.FirstOrDefault(e => e.Kind == "+sdown");
        if (first is null)
        {
            return ClusterDownCloseUp(result);
        }

        double last = marks.Where(e => e.Seconds >= first.Seconds && e.Seconds <= first.Seconds + 10).Max(e => e.Seconds);
        double pad = Math.Max(0.25, (last - first.Seconds) * 0.08);
        return (Math.Max(0, first.Seconds - pad), last + pad);
    }

    /// <summary>
    /// Without Sentinel, the seconds around the first short stretch (at most <see cref="ShortRefusalSeconds"/>) of a
    /// primary refusing writes with -CLUSTERDOWN, to the end of the last short one starting within 10 s of it or the
    /// first promotion in those 10 s, if later; null without one. A refusal from FAIL to the promotion is under a
    /// second, a few pixels at the run's scale; a minority primary's long one reads at that scale already.
    /// </summary>
    private static (double From, double To)? ClusterDownCloseUp(PathResult result)
    {
        var stretches = ClusterDownStretches.For(result).Where(s => s.To - s.From <= ShortRefusalSeconds).ToList();
        if (stretches.Count == 0)
        {
            return null;
        }

        double from = stretches.Min(s => s.From);
        double to = stretches.Where(s => s.From <= from + 10).Max(s => s.To);
        var promotion = new RunTimeline(result).Promotions.Where(p => p.Seconds >= from && p.Seconds <= from + 10).Select(p => p.Seconds);
        to = Math.Max(to, promotion.DefaultIfEmpty(to).Min());
        double pad = Math.Max(0.5, (to - from) * 0.25);
        return (Math.Max(0, from - pad), Math.Min(result.EndSeconds, to + pad));
    }

    /// <summary>Outlines the close-up's stretch of the Sentinel lanes (or without Sentinel, the node lanes) in the overview, labelled.</summary>
    private static void MarkCloseUp(Plot plot, PathResult result, List<string> sentinels, (double From, double To) closeUp)
    {
        if (sentinels.Count == 0)
        {
            var nodes = plot.Add.Rectangle(closeUp.From, closeUp.To, -result.Nodes.Count + 0.55, 0.45);
            nodes.FillColor = Colors.Transparent;
            nodes.LineColor = ChartColors.Ink;
            nodes.LineWidth = 1;
            var words = plot.Add.Text("close-up below", closeUp.To, -result.Nodes.Count + 0.55);
            words.Alignment = Alignment.LowerLeft;
            words.OffsetX = 6;
            words.LabelFontSize = 11;
            words.LabelFontColor = ChartColors.Ink;
            words.LabelBackgroundColor = Colors.White;
            return;
        }

        double top = -result.Nodes.Count - 0.2;
        var box = plot.Add.Rectangle(closeUp.From, closeUp.To, top - sentinels.Count + 0.55, top + 0.45);
        box.FillColor = Colors.Transparent;
        box.LineColor = ChartColors.Ink;
        box.LineWidth = 1;
        var label = plot.Add.Text("close-up below", closeUp.To, top - sentinels.Count + 0.55);
        label.Alignment = Alignment.LowerLeft;
        label.OffsetX = 6;
        label.LabelFontSize = 11;
        label.LabelFontColor = ChartColors.Ink;
    }

    private static bool IsMark(TraceEvent e) =>
        SentinelMarks.Any(m => m.Kind == e.Kind)
        && (e.Kind != "+sdown" || e.Text.StartsWith("+sdown master", StringComparison.Ordinal));

    /// <summary>The Sentinels that reported events, in name order.</summary>
    internal static List<string> SentinelNames(PathResult result) => result.Events
        .Where(e => e.Kind.Length > 1 && e.Kind[0] is '+' or '-')
        .Select(e => e.Source)
        .Distinct(StringComparer.Ordinal)
        .Order(TraceNames.NaturalOrder)
        .ToList();

    private static double Bottom(PathResult result, List<string> sentinels) =>
        sentinels.Count > 0 ? -result.Nodes.Count - 0.2 - sentinels.Count + 0.5 : -result.Nodes.Count + 0.5;

    private static Plot PanelFor(PathResult result, List<string> sentinels, ChartView view, string title)
    {
        var plot = Panel.Create(title, "time since start (s)", "");
        var timeline = new RunTimeline(result);
        ChartMarks.FaultBands(plot, result);
        ChartMarks.SplitBrainBands(plot, timeline, alpha: 0.14, fromY: -result.Nodes.Count + 0.5, toY: TopY);
        AddRoles(plot, result, view);
        AddSplitBrainOutlines(plot, timeline, result, view);
        AddEpochs(plot, result);
        AddPromotionLabels(plot, timeline, result, view);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < result.Nodes.Count; i++)
        {
            ticks.AddMajor(-i, LaneLabel(result, i));
        }

        AddShardSeparators(plot, result, view);

        double sentinelTop = -result.Nodes.Count - 0.2;
        for (int i = 0; i < sentinels.Count; i++)
        {
            ticks.AddMajor(sentinelTop - i, sentinels[i]);
        }

        AddSentinelMarks(plot, result, sentinels, sentinelTop);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.SetLimits(view.From, view.To, view.Bottom, view.Top);
        return plot;
    }

    private static void AddRoles(Plot plot, PathResult result, ChartView view)
    {
        // Drawn role by role so the legend lists roles in a fixed order; the bars never overlap.
        foreach (var role in Enum.GetValues<NodeRole>())
        {
            bool labelled = false;
            foreach (var r in result.Roles.Where(r => r.Role == role))
            {
                var rect = plot.Add.Rectangle(r.FromSeconds, r.ToSeconds, -Lane(result, r.Node) - BarHalfHeight, -Lane(result, r.Node) + BarHalfHeight);
                rect.FillColor = ChartColors.Role(r.Role);
                rect.LineWidth = 0;
                if (!labelled)
                {
                    rect.LegendText = RoleLabel(r.Role);
                    labelled = true;
                }
            }
        }

        AddClusterStateFail(plot, result);

        // Isolation is striped by hand: Skia's SVG canvas drops ScottPlot's hatch fills (a path effect), and the
        // SVG must show what the PNG shows.
        bool isolatedLabelled = false;
        foreach (var r in result.Roles.Where(r => r.Isolated && r.ToSeconds > view.From && r.FromSeconds < view.To))
        {
            int lane = Lane(result, r.Node);
            var stripes = Stripes(Math.Max(r.FromSeconds, view.From), Math.Min(r.ToSeconds, view.To), -lane - BarHalfHeight, -lane + BarHalfHeight, view);
            foreach (var (x1, y1, x2, y2) in stripes)
            {
                var line = plot.Add.Line(x1, y1, x2, y2);
                line.LineColor = Colors.Black.WithAlpha(0.4);
                line.LineWidth = 1;
                line.MarkerSize = 0;
                if (!isolatedLabelled)
                {
                    line.LegendText = "striped: isolated (cut off from some nodes)";
                    isolatedLabelled = true;
                }
            }
        }
    }

    /// <summary>
    /// A primary whose own cluster state was FAIL answered every write with -CLUSTERDOWN (with
    /// <c>cluster-require-full-coverage yes</c>, every shard's primary while one shard's slots are unserved), so those
    /// stretches of its primary bar are redrawn pale, in the colour of failed writes, outlined in the primary's green.
    /// </summary>
    private static void AddClusterStateFail(Plot plot, PathResult result)
    {
        bool labelled = false;
        foreach (var (node, from, to) in ClusterDownStretches.For(result))
        {
            int lane = Lane(result, node);
            var rect = plot.Add.Rectangle(from, to, -lane - BarHalfHeight, -lane + BarHalfHeight);
            rect.FillColor = ChartColors.ClusterDown;
            rect.LineColor = ChartColors.Role(NodeRole.Primary);
            rect.LineWidth = 1.5f;
            if (!labelled)
            {
                rect.LegendText = ClusterDownLabel;
                labelled = true;
            }
        }
    }

    /// <summary>The legend's name for a primary whose cluster state was FAIL.</summary>
    internal const string ClusterDownLabel = "primary, refuses writes (cluster state fail)";

    /// <summary>
    /// 45° stripes (in pixels) every <see cref="StripePixels"/> pixels across the rectangle [x1, x2] × [y1, y2],
    /// clipped to it, in data coordinates.
    /// </summary>
    internal static List<(double X1, double Y1, double X2, double Y2)> Stripes(double x1, double x2, double y1, double y2, ChartView view)
    {
        var stripes = new List<(double, double, double, double)>();
        double step = StripePixels / view.PixelsPerX;
        double run = (y2 - y1) * view.PixelsPerY / view.PixelsPerX;
        for (double x0 = x1 - run + (step / 2); x0 < x2; x0 += step)
        {
            double from = Math.Max(0, (x1 - x0) / run), to = Math.Min(1, (x2 - x0) / run);
            if (from < to)
            {
                stripes.Add((x0 + (from * run), y1 + (from * (y2 - y1)), x0 + (to * run), y1 + (to * (y2 - y1))));
            }
        }

        return stripes;
    }

    /// <summary>
    /// A node's lane label; in a cluster the first node of each shard also names the shard, since the lanes are
    /// grouped by shard (issue 19: "node lanes grouped by shard").
    /// </summary>
    internal static string LaneLabel(PathResult result, int node)
    {
        if (result.NodeShards is not { } shards || (node > 0 && shards[node - 1] == shards[node]))
        {
            return result.Nodes[node];
        }

        return $"shard {shards[node] + 1}: {result.Nodes[node]}";
    }

    /// <summary>A line between the lanes of two shards, so each shard's nodes read as one group.</summary>
    private static void AddShardSeparators(Plot plot, PathResult result, ChartView view)
    {
        if (result.NodeShards is not { } shards)
        {
            return;
        }

        for (int i = 1; i < shards.Count; i++)
        {
            if (shards[i] != shards[i - 1])
            {
                var line = plot.Add.Line(view.From, -i + 0.5, view.To, -i + 0.5);
                line.LineColor = ChartColors.Ink.WithAlpha(0.55);
                line.LineWidth = 1.5f;
                line.LinePattern = LinePattern.Dashed;
                line.MarkerSize = 0;
            }
        }
    }

    private static int Lane(PathResult result, string node)
    {
        for (int i = 0; i < result.Nodes.Count; i++)
        {
            if (result.Nodes[i] == node)
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddSplitBrainOutlines(Plot plot, RunTimeline timeline, PathResult result, ChartView view)
    {
        var color = timeline.IsSplitBrain ? ChartColors.SplitBrain : ChartColors.TwoRoles;
        foreach (var o in timeline.Overlaps)
        {
            foreach (var node in o.Primaries)
            {
                int lane = Lane(result, node);
                var box = plot.Add.Rectangle(o.FromSeconds, o.ToSeconds, -lane - BarHalfHeight - 0.06, -lane + BarHalfHeight + 0.06);
                box.FillColor = Colors.Transparent;
                box.LineColor = color;
                box.LineWidth = 2.5f;
            }

            var words = timeline.IsSplitBrain
                ? $"split brain: {string.Join(" + ", o.Primaries)} primary for {ChartText.Seconds1(o.Seconds)} s"
                : $"{string.Join(" + ", o.Primaries)} primary for {ChartText.Seconds1(o.Seconds)} s, one refusing writes";
            AddLabel(plot, view, words, o.FromSeconds, o.ToSeconds, 0.62, color);
        }
    }

    /// <summary>
    /// A bold label above the lanes, centred on the visible part of [<paramref name="from"/>, <paramref name="to"/>]
    /// but kept inside the data area.
    /// </summary>
    private static void AddLabel(Plot plot, ChartView view, string words, double from, double to, double y, Color color)
    {
        if (to <= view.From || from >= view.To)
        {
            return;
        }

        double half = ChartFonts.MeasureText(words, 13, bold: true) / 2 / view.PixelsPerX;
        double centre = (Math.Max(from, view.From) + Math.Min(to, view.To)) / 2;
        centre = Math.Clamp(centre, view.From + half + (4 / view.PixelsPerX), Math.Max(view.From + half, view.To - half - (4 / view.PixelsPerX)));
        var label = plot.Add.Text(words, centre, y);
        label.Alignment = Alignment.MiddleCenter;
        label.LabelFontSize = 13;
        label.LabelBold = true;
        label.LabelFontColor = color;
    }

    /// <summary>
    /// "promoted 45.987 s" (or "back as primary 65 s" for a paused or powered-off primary that returns) in white
    /// inside the node's primary bar where it fits, else in ink on a white box just after (or before) the bar.
    /// </summary>
    private static void AddPromotionLabels(Plot plot, RunTimeline timeline, PathResult result, ChartView view)
    {
        var changes = timeline.Promotions.Select(p => (p, words: $"promoted {ChartText.Seconds(p.Seconds)} s"))
            .Concat(timeline.Returns.Select(p => (p, words: $"back as primary {ChartText.Seconds(p.Seconds)} s")));
        foreach (var (p, words) in changes)
        {
            double until = result.Roles
                .Where(r => r.Node == p.Node && r.FromSeconds >= p.Seconds - 1e-9)
                .OrderBy(r => r.FromSeconds)
                .TakeWhile(r => r.Role == NodeRole.Primary)
                .Select(r => r.ToSeconds)
                .DefaultIfEmpty(p.Seconds)
                .Max();
            double start = Math.Max(p.Seconds, view.From), end = Math.Min(until, view.To);
            if (end <= start)
            {
                continue;
            }

            double width = (ChartFonts.MeasureText(words, 12, bold: true) + 14) / view.PixelsPerX;
            var text = plot.Add.Text(words, start, -Lane(result, p.Node));
            text.Alignment = Alignment.MiddleLeft;
            text.OffsetX = 6;
            text.LabelFontSize = 12;
            text.LabelBold = true;
            text.LabelFontColor = Colors.White;
            if (end - start < width)
            {
                bool after = end + width < view.To;
                text.Location = new Coordinates(after ? end : start, -Lane(result, p.Node));
                text.Alignment = after ? Alignment.MiddleLeft : Alignment.MiddleRight;
                text.OffsetX = after ? 6 : -6;
                text.LabelFontColor = ChartColors.Ink;
                text.LabelBackgroundColor = Colors.White;
            }
        }
    }

    private static void AddEpochs(Plot plot, PathResult result)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool labelled = false;
        foreach (var e in result.Events.Where(e => e.Kind == "+new-epoch"))
        {
            var epoch = e.Text["+new-epoch".Length..].Trim();
            if (!seen.Add(epoch))
            {
                continue;
            }

            var line = plot.Add.VerticalLine(e.Seconds, 1.5f, ChartColors.Ink, LinePattern.Dotted);
            if (!labelled)
            {
                line.LegendText = "+new-epoch (configuration epoch bumped)";
                labelled = true;
            }

            var text = plot.Add.Text($"epoch {epoch}", e.Seconds, 1.02);
            text.Alignment = Alignment.MiddleRight;
            text.OffsetX = -4;
            text.LabelFontSize = 12;
            text.LabelFontColor = ChartColors.Ink;
        }
    }

    private static void AddSentinelMarks(Plot plot, PathResult result, List<string> sentinels, double top)
    {
        if (sentinels.Count == 0)
        {
            return;
        }

        var lane = plot.Add.Rectangle(0, result.EndSeconds, top - sentinels.Count + 0.55, top + 0.45);
        lane.FillColor = Colors.Black.WithAlpha(0.035);
        lane.LineWidth = 0;
        foreach (var (kind, label, shape, size, color) in SentinelMarks)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var e in result.Events.Where(e => e.Kind == kind && IsMark(e)))
            {
                xs.Add(e.Seconds);
                ys.Add(top - sentinels.IndexOf(e.Source));
            }

            if (xs.Count == 0)
            {
                continue;
            }

            var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), shape, size, Color.FromHex(color));
            markers.MarkerLineWidth = 1.5f;
            markers.LegendText = label;
        }
    }

    private static string RoleLabel(NodeRole role) => role switch
    {
        NodeRole.Primary => "primary (accepts writes)",
        NodeRole.Replica => "replica",
        NodeRole.Syncing => "syncing (full resync, not serving)",
        NodeRole.Down => "down (crashed or powered off)",
        NodeRole.Paused => "paused (process stopped)",
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}
