using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// One chart image made of one or more ScottPlot panels laid out in a grid, rendered to PNG and SVG with the same
/// drawing calls (so the two files show the same thing). Small multiples are panels; a single chart is one panel.
/// </summary>
internal sealed class SweepFigure(IReadOnlyList<Plot> panels, int columns, int panelWidth, int panelHeight)
{
    private int Rows => (panels.Count + columns - 1) / columns;

    private int Width => columns * panelWidth;

    private int Height => Rows * panelHeight;

    public byte[] Png() => Charts.SkiaImages.Png(Width, Height, Draw);

    public byte[] Svg() => Charts.SkiaImages.Svg(Width, Height, Draw);

    private void Draw(SKCanvas canvas)
    {
        // ScottPlot formats tick labels in the current culture (5,000 or 5.000): charts are output too, so they
        // are drawn in the invariant culture like every other file.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            canvas.Clear(SKColors.White);
            for (var i = 0; i < panels.Count; i++)
            {
                float left = i % columns * panelWidth;
                float top = i / columns * panelHeight;

                // A plot clears the whole canvas before drawing: the clip keeps it to its own cell.
                canvas.Save();
                canvas.ClipRect(new SKRect(left, top, left + panelWidth, top + panelHeight));
                panels[i].Render(canvas, new PixelRect(left, left + panelWidth, top + panelHeight, top));
                canvas.Restore();
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
