using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Timeline;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>Marks several charts share: fault bands, split-brain bands, promotion and demotion lines.</summary>
internal static class ChartMarks
{
    /// <summary>Each fault as a translucent band over its window, with a legend entry (Jepsen's nemesis bands).</summary>
    public static void FaultBands(Plot plot, PathResult result)
    {
        for (int i = 0; i < result.Faults.Count; i++)
        {
            var f = result.Faults[i];
            var span = plot.Add.HorizontalSpan(f.FromSeconds, Math.Max(f.ToSeconds, f.FromSeconds + 0.05), ChartColors.Fault(i));
            span.LineWidth = 0;
            span.LegendText = $"{f.Label}, {ChartText.Seconds(f.FromSeconds)}–{ChartText.Seconds(f.ToSeconds)} s";
        }
    }

    /// <summary>
    /// The stretches with two primaries as red bands (full height, or from <paramref name="fromY"/> to
    /// <paramref name="toY"/>), with one legend entry.
    /// </summary>
    public static void SplitBrainBands(Plot plot, RunTimeline timeline, double alpha, double? fromY = null, double? toY = null)
    {
        bool first = true;
        foreach (var o in timeline.Overlaps)
        {
            var color = (timeline.IsSplitBrain ? ChartColors.SplitBrain : ChartColors.TwoRoles).WithAlpha(alpha);
            string? legend = first ? OverlapLegend(timeline) : null;
            first = false;
            if (fromY is { } y1 && toY is { } y2)
            {
                var rect = plot.Add.Rectangle(o.FromSeconds, o.ToSeconds, y1, y2);
                rect.FillColor = color;
                rect.LineWidth = 0;
                rect.LegendText = legend ?? "";
            }
            else
            {
                var span = plot.Add.HorizontalSpan(o.FromSeconds, o.ToSeconds, color);
                span.LineWidth = 0;
                span.LegendText = legend ?? "";
            }
        }
    }

    /// <summary>
    /// The legend of the two-primaries band: split brain when both accepted writes (the result's number), else
    /// two primaries by role only (one refused writes, e.g. min-replicas-to-write).
    /// </summary>
    public static string OverlapLegend(RunTimeline timeline)
    {
        var byRole = ChartText.Seconds1(timeline.Overlaps.Sum(x => x.Seconds));
        return timeline.IsSplitBrain
            ? $"split brain: two primaries ({byRole} s)"
            : $"two primaries by role ({byRole} s), one refused writes";
    }

    /// <summary>
    /// A vertical line at each promotion (solid), each return of a paused or powered-off primary (solid, brown)
    /// and each demotion (dashed), each with a legend entry.
    /// </summary>
    public static void RoleChanges(Plot plot, RunTimeline timeline)
    {
        foreach (var p in timeline.Promotions)
        {
            var line = plot.Add.VerticalLine(p.Seconds, 2, ChartColors.Promotion);
            line.LegendText = $"{p.Node} promoted to primary ({ChartText.Seconds(p.Seconds)} s)";
        }

        foreach (var r in timeline.Returns)
        {
            var line = plot.Add.VerticalLine(r.Seconds, 2, ChartColors.Demotion);
            line.LegendText = $"{r.Node} back, still primary ({ChartText.Seconds(r.Seconds)} s)";
        }

        foreach (var d in timeline.Demotions)
        {
            var line = plot.Add.VerticalLine(d.Seconds, 2, ChartColors.Demotion, LinePattern.Dashed);
            line.LegendText = $"{d.Node} demoted ({ChartText.Seconds(d.Seconds)} s)";
        }
    }

    /// <summary>A centred note where a panel has nothing to show.</summary>
    public static void NoData(Plot plot, string text, double end)
    {
        var note = plot.Add.Text(text, end / 2, 0.5);
        note.Alignment = Alignment.MiddleCenter;
        note.LabelFontSize = 14;
        plot.Axes.SetLimits(0, end, 0, 1);
    }

    /// <summary>The x range every panel of a figure shares, so paths line up: the latest run end.</summary>
    public static double CommonEnd(RunReport report) => Math.Max(1, report.Paths.Select(p => p.EndSeconds).DefaultIfEmpty(1).Max());
}
