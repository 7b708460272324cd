using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Timeline;
using RedisFailoverSim.Reporting.Trace;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// <c>roles.png/svg</c>, the split-brain picture (ANCHORS.md §5.4): per path one lane per node (primary, replica,
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
            + " · red: two nodes accepted the primary role at the same time (split brain)");
        double end = ChartMarks.CommonEnd(report);
        foreach (var result in report.Paths)
        {
            var sentinels = SentinelNames(result);
            int height = (int)(Panel.Top + Panel.Bottom + 40 + ((result.Nodes.Count + sentinels.Count) * LanePixels));
            var closeUp = FailoverCloseUp(result);
            var overview = PanelFor(result, sentinels, 0, end, $"{result.Path}: node roles over time");
            figure.Add(overview, height);
            if (closeUp is { } c)
            {
                MarkCloseUp(overview, result, sentinels, c);
                var title = $"{result.Path}: the failover up close, {ChartText.Seconds(c.From)}–{ChartText.Seconds(c.To)} s (same legend)";
                var detail = PanelFor(result, sentinels, c.From, c.To, title);
                Panel.RemoveLegend(detail);
                figure.Add(detail, height);
            }
        }

        return figure;
    }

    /// <summary>
    /// The seconds around the first Sentinel failover (from the first <c>+sdown master</c> to the last SDOWN,
    /// vote, election or <c>+switch-master</c> within 10 s of it), or null without one. At the full run's scale
    /// these moments fall on the same few pixels.
    /// </summary>
    internal static (double From, double To)? FailoverCloseUp(PathResult result)
    {
        var marks = result.Events.Where(IsMark).ToList();
        var first = marks.FirstOrDefault(e => e.Kind == "+sdown");
        if (first is null)
        {
            return null;
        }

        double last = marks.Where(e => e.Seconds >= first.Seconds && e.Seconds <= first.Seconds + 10).Max(e => e.Seconds);
        double pad = Math.Max(0.25, (last - first.Seconds) * 0.08);
        return (Math.Max(0, first.Seconds - pad), last + pad);
    }

    /// <summary>Outlines the close-up's stretch of the Sentinel lanes in the overview, labelled.</summary>
    private static void MarkCloseUp(Plot plot, PathResult result, List<string> sentinels, (double From, double To) closeUp)
    {
        double top = -result.Nodes.Count - 0.2;
        var box = plot.Add.Rectangle(closeUp.From, closeUp.To, top - sentinels.Count + 0.55, top + 0.45);
        box.FillColor = Colors.Transparent;
        box.LineColor = ChartColors.Ink;
        box.LineWidth = 1;
        box.LinePattern = LinePattern.Dashed;
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

    private static Plot PanelFor(PathResult result, List<string> sentinels, double from, double to, string title)
    {
        var plot = Panel.Create(title, "time since start (s)", "");
        var timeline = new RunTimeline(result);
        ChartMarks.FaultBands(plot, result);
        ChartMarks.SplitBrainBands(plot, timeline, alpha: 0.14, fromY: -result.Nodes.Count + 0.5, toY: 0.9);
        AddRoles(plot, result);
        AddSplitBrainOutlines(plot, timeline, result, from, to);
        AddEpochs(plot, result);
        AddPromotionLabels(plot, timeline, result, from, to);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < result.Nodes.Count; i++)
        {
            ticks.AddMajor(-i, result.Nodes[i]);
        }

        double sentinelTop = -result.Nodes.Count - 0.2;
        for (int i = 0; i < sentinels.Count; i++)
        {
            ticks.AddMajor(sentinelTop - i, sentinels[i]);
        }

        AddSentinelMarks(plot, result, sentinels, sentinelTop);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        double bottom = sentinels.Count > 0 ? sentinelTop - sentinels.Count + 0.5 : -result.Nodes.Count + 0.5;
        plot.Axes.SetLimits(from, to, bottom, 0.9);
        return plot;
    }

    private static void AddRoles(Plot plot, PathResult result)
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

        bool isolatedLabelled = false;
        foreach (var r in result.Roles.Where(r => r.Isolated))
        {
            var hatch = plot.Add.Rectangle(r.FromSeconds, r.ToSeconds, -Lane(result, r.Node) - BarHalfHeight, -Lane(result, r.Node) + BarHalfHeight);
            hatch.FillColor = Colors.White.WithAlpha(0.25);
            hatch.FillHatch = new ScottPlot.Hatches.Striped(ScottPlot.Hatches.StripeDirection.DiagonalUp);
            hatch.FillHatchColor = Colors.Black.WithAlpha(0.45);
            hatch.LineWidth = 0;
            if (!isolatedLabelled)
            {
                hatch.LegendText = "isolated (cut off from some nodes)";
                isolatedLabelled = true;
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

    private static void AddSplitBrainOutlines(Plot plot, RunTimeline timeline, PathResult result, double from, double to)
    {
        foreach (var o in timeline.Overlaps)
        {
            foreach (var node in o.Primaries)
            {
                int lane = Lane(result, node);
                var box = plot.Add.Rectangle(o.FromSeconds, o.ToSeconds, -lane - BarHalfHeight - 0.06, -lane + BarHalfHeight + 0.06);
                box.FillColor = Colors.Transparent;
                box.LineColor = ChartColors.SplitBrain;
                box.LineWidth = 2.5f;
            }

            var label = plot.Add.Text(
                $"split brain: {string.Join(" + ", o.Primaries)} primary for {ChartText.Seconds1(o.Seconds)} s",
                (Math.Max(o.FromSeconds, from) + Math.Min(o.ToSeconds, to)) / 2,
                0.62);
            label.Alignment = Alignment.MiddleCenter;
            label.IsVisible = o.ToSeconds > from && o.FromSeconds < to;
            label.LabelFontSize = 13;
            label.LabelBold = true;
            label.LabelFontColor = ChartColors.SplitBrain;
        }
    }

    /// <summary>"promoted 45.987 s" in white inside each promoted node's bar, at the start of what is visible.</summary>
    private static void AddPromotionLabels(Plot plot, RunTimeline timeline, PathResult result, double from, double to)
    {
        foreach (var p in timeline.Promotions.Where(p => p.Seconds < to))
        {
            var bar = result.Roles.FirstOrDefault(r => r.Node == p.Node && r.Role == NodeRole.Primary && r.FromSeconds >= p.Seconds - 1e-9);
            double until = bar is null ? p.Seconds : result.Roles
                .Where(r => r.Node == p.Node && r.FromSeconds >= p.Seconds - 1e-9)
                .TakeWhile(r => r.Role == NodeRole.Primary)
                .Max(r => r.ToSeconds);
            if (until <= from)
            {
                continue;
            }

            var text = plot.Add.Text($"promoted {ChartText.Seconds(p.Seconds)} s", Math.Max(p.Seconds, from), -Lane(result, p.Node));
            text.Alignment = Alignment.MiddleLeft;
            text.OffsetX = 6;
            text.LabelFontSize = 12;
            text.LabelBold = true;
            text.LabelFontColor = Colors.White;
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

            var text = plot.Add.Text($"epoch {epoch}", e.Seconds, 0.62);
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
