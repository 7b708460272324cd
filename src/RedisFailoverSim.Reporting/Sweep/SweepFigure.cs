using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// One chart image made of one or more ScottPlot panels laid out in a grid, rendered to PNG and SVG with the same
/// drawing calls (so the two files show the same thing). Small multiples are panels; a single chart is one panel.
/// </summary>
internal sealed partial class SweepFigure(IReadOnlyList<Plot> panels, int columns, int panelWidth, int panelHeight)
{
    private int Rows => (panels.Count + columns - 1) / columns;

    private int Width => columns * panelWidth;

    private int Height => Rows * panelHeight;

    public byte[] Png()
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public byte[] Svg()
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
        {
            Draw(canvas);
        }

        return Encoding.UTF8.GetBytes(RenumberClipIds(Encoding.UTF8.GetString(stream.ToArray())));
    }

    /// <summary>
    /// Skia numbers SVG clip paths from a process-wide counter (<c>cl_3</c> in a fresh process, <c>cl_2f</c> after
    /// other charts), so the same chart would differ by process history. Renumbering them in order of first
    /// appearance makes the SVG a function of the chart alone, like the PNG.
    /// </summary>
    internal static string RenumberClipIds(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return ClipIdPattern().Replace(svg, match =>
        {
            if (!numbers.TryGetValue(match.Value, out var number))
            {
                number = numbers.Count + 1;
                numbers.Add(match.Value, number);
            }

            return "cl_" + number.ToString(CultureInfo.InvariantCulture);
        });
    }

    [GeneratedRegex(@"(?<=id=""|url\(#)cl_[0-9a-f]+\b")]
    private static partial Regex ClipIdPattern();

    private void Draw(SKCanvas canvas)
    {
        // ScottPlot formats tick labels in the current culture (5,000 or 5.000): charts are output too, so they
        // are drawn in the invariant culture like every other file (STYLE.md §4).
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
