using System.Text;
using ScottPlot;


namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// Keeps a panel's legend (drawn right of the data area) inside the picture: long entries are wrapped at word
/// boundaries to the width left beside the data area instead of being cut ("planned replacement of n1: coordi…") or
/// running off the right edge, and the panel grows when the wrapped legend is taller than it.
/// </summary>
internal static class LegendFit
{
    /// <summary>
    /// Pixels between the data area's right edge and the legend box (ScottPlot's legend panel places an edge legend
    /// there; measured on 5.1.59, and checked by the chart tests' pixel analysis).
    /// </summary>
    public const float Offset = 35;

    /// <summary>Pixels kept free between the legend box (with its shadow) and the picture's edge.</summary>
    public const float EdgeMargin = 10;

    /// <summary>A height no legend reaches, to measure one in a single column.</summary>
    private const int OneColumn = 100_000;

    /// <summary>
    /// Wraps the legend entries of <paramref name="plot"/> to fit a picture <paramref name="width"/> pixels wide and
    /// returns the panel height that holds the legend (at least <paramref name="height"/>). A plot without an edge
    /// legend is left as it is.
    /// </summary>
    public static int Fit(Plot plot, int width, int height)
    {
        if (!HasEdgeLegend(plot))
        {
            return height;
        }

        var items = plot.Legend.GetItems().Where(i => !string.IsNullOrEmpty(i.LabelText)).ToList();
        if (items.Count == 0)
        {
            return height;
        }

        plot.RenderInMemory(width, height);
        var data = plot.RenderManager.LastRender.DataRect;
        float fontSize = plot.Legend.FontSize ?? 12;
        using var paint = Paint.NewDisposablePaint();
        var layout = plot.Legend.GetLayout(new PixelSize(width, OneColumn), paint);
        float chrome = layout.LegendRect.Width - layout.LabelRects.Max(r => r.Width);
        float labelWidth = Math.Max(80, width - data.Right - Offset - EdgeMargin - chrome);

        // ScottPlot gives every entry the height of the tallest, so a wrapped entry becomes one entry per line: the
        // first with the symbol, the rest with none.
        var lines = new List<LegendItem>();
        foreach (var item in items)
        {
            var wrapped = Wrap(item.LabelText, labelWidth, fontSize).Split('\n');
            item.LabelText = wrapped[0];
            lines.Add(item);
            foreach (var more in wrapped.Skip(1))
            {
                lines.Add(new LegendItem { LabelText = more, LineWidth = 0, MarkerShape = MarkerShape.None, FillColor = Colors.Transparent });
            }
        }

        // The wrapped entries replace the plottables' own (which would be generated again, unwrapped).
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(lines);
        plot.Legend.DisplayPlottableLegendItems = false;

        // The legend is centred on the data area and wraps into a second column when taller than it: the data area
        // must hold it in one column, with a margin.
        float legendHeight = plot.Legend.GetLayout(new PixelSize(width, OneColumn), paint).LegendRect.Height;
        float pads = data.Top + (height - data.Bottom);
        int fitted = Math.Max(height, (int)Math.Ceiling(legendHeight + (2 * EdgeMargin) + pads));

        // ScottPlot places an edge legend by the size it measured in the previous render: render once more with the
        // wrapped entries, or the first real render puts the legend where the unwrapped one would have ended.
        plot.RenderInMemory(width, fitted);
        return fitted;
    }

    /// <summary>Whether <paramref name="plot"/> draws its legend in a panel beside the data area.</summary>
    public static bool HasEdgeLegend(Plot plot) => plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Any();

    /// <summary>
    /// <paramref name="text"/> broken into lines no wider than <paramref name="maxWidth"/> pixels at
    /// <paramref name="fontSize"/>, at spaces (a single word wider than that stays whole); existing line breaks stay.
    /// </summary>
    public static string Wrap(string text, float maxWidth, float fontSize)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && ChartFonts.MeasureText(candidate, fontSize, bold: false) > maxWidth)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(word);
                }
                else
                {
                    line.Clear().Append(candidate);
                }
            }

            lines.Add(line.ToString());
        }

        return string.Join('\n', lines);
    }
}
