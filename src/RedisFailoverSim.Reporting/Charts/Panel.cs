using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// A ScottPlot panel in the house style: the chart font, a panel title, axis labels with units, and a fixed data
/// area (so stacked panels line up on the time axis) with the legend outside it on the right.
/// </summary>
internal static class Panel
{
    /// <summary>Space left of the data area for the y tick labels and the y label.</summary>
    public const float Left = 90;

    /// <summary>Space right of the data area, for the legend.</summary>
    public const float Right = 370;

    /// <summary>Space above the data area, for the panel title.</summary>
    public const float Top = 36;

    /// <summary>Space below the data area, for the x tick labels and the x label.</summary>
    public const float Bottom = 52;

    /// <summary>A new panel with a title and labelled axes; the legend shows when there is anything in it.</summary>
    public static Plot Create(string title, string xLabel, string yLabel, float left = Left, float right = Right)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title, size: 16);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, size: 14);
        plot.YLabel(yLabel, size: 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Layout.Fixed(new PixelPadding(left, right, Bottom, Top));
        plot.Legend.FontSize = 12;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Pixels of legend per entry at the house font size (ScottPlot's item height with padding).</summary>
    public const float LegendItemPixels = 23;

    /// <summary>The panel height that fits every legend entry of <paramref name="plot"/> in one column.</summary>
    public static int HeightForLegend(Plot plot)
    {
        int items = plot.GetPlottables().SelectMany(p => p.LegendItems).Count(i => !string.IsNullOrEmpty(i.LabelText));
        return (int)Math.Ceiling(Top + Bottom + (items * LegendItemPixels) + 30);
    }

    /// <summary>Removes the legend (a panel that repeats the one above it needs none); the data area stays put.</summary>
    public static void RemoveLegend(Plot plot)
    {
        foreach (var legend in plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().ToList())
        {
            plot.Axes.Remove(legend);
        }
    }
}
