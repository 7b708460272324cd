using System.Text;
using ScottPlot;
using SkiaSharp;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// A chart file's picture: a bold title, one or more ScottPlot panels stacked top to bottom (one per path, usually),
/// and a caption naming scenario, seed and paths so a chart copied out of its folder still says what it shows.
/// Renders to PNG and SVG with the same layout; text is real text in the SVG.
/// </summary>
internal sealed class Figure
{
    /// <summary>Width of every chart, in pixels: legible at 100 % zoom on a laptop screen.</summary>
    public const int DefaultWidth = 1280;

    private const float Margin = 16;
    private const float TitleSize = 20;
    private const float CaptionSize = 13;
    private const float HeaderHeight = 44;
    private const float CaptionLineHeight = 18;

    private readonly List<(Plot Plot, int Height)> _panels = [];

    /// <summary>Creates an empty figure.</summary>
    public Figure(string title, string caption, int width = DefaultWidth)
    {
        Title = title;
        Caption = caption;
        Width = width;
    }

    /// <summary>The figure's title, drawn bold at the top.</summary>
    public string Title { get; }

    /// <summary>The caption under the panels.</summary>
    public string Caption { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>The panels, top to bottom.</summary>
    public IReadOnlyList<(Plot Plot, int Height)> Panels => _panels;

    /// <summary>Height in pixels: header, panels, caption.</summary>
    public int Height => (int)Math.Ceiling(HeaderHeight + _panels.Sum(p => p.Height) + CaptionHeight + Margin);

    private float CaptionHeight => (CaptionLines().Count * CaptionLineHeight) + 8;

    /// <summary>
    /// Adds a panel of <paramref name="height"/> pixels below the previous ones, taller if its legend needs it (whose
    /// entries are wrapped to the width beside the data area, <see cref="LegendFit"/>).
    /// </summary>
    public void Add(Plot plot, int height) => _panels.Add((plot, LegendFit.Fit(plot, Width, height)));

    /// <summary>
    /// Where each panel lands in the picture: its strip's top, its data area (picture pixels) and the size its legend
    /// took the last time the figure was rendered (zero without a legend beside it). For tests that check nothing
    /// is blank or cut off.
    /// </summary>
    public IReadOnlyList<(float Top, PixelRect Data, PixelSize Legend)> Placements()
    {
        var placements = new List<(float, PixelRect, PixelSize)>();
        float top = HeaderHeight;
        foreach (var (plot, height) in _panels)
        {
            var legend = LegendFit.HasEdgeLegend(plot) ? plot.Legend.LastRenderSize : new PixelSize(0, 0);
            plot.RenderInMemory(Width, height);
            var d = plot.RenderManager.LastRender.DataRect;
            placements.Add((top, new PixelRect(d.Left, d.Right, d.Bottom + top, d.Top + top), legend));
            top += height;
        }

        return placements;
    }

    /// <summary>The figure as PNG bytes.</summary>
    public byte[] Png() => SkiaImages.Png(Width, Height, Render);

    /// <summary>The figure as SVG bytes (UTF-8).</summary>
    public byte[] Svg() => SkiaImages.Svg(Width, Height, Render);

    private void Render(SKCanvas canvas)
    {
        canvas.Clear(SKColors.White);

        // A ScottPlot panel clears its canvas before drawing; clipped and translated, it clears only its own strip.
        float top = HeaderHeight;
        foreach (var (plot, height) in _panels)
        {
            canvas.Save();
            canvas.ClipRect(new SKRect(0, top, Width, top + height));
            canvas.Translate(0, top);
            plot.Render(canvas, new PixelRect(0, Width, height, 0));
            canvas.Restore();
            top += height;
        }

        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using (var titleFont = new SKFont(ChartFonts.Typeface(bold: true), TitleSize))
        {
            canvas.DrawText(Title, Margin, Margin + TitleSize, SKTextAlign.Left, titleFont, paint);
        }

        paint.Color = new SKColor(0x55, 0x55, 0x55);
        using var captionFont = new SKFont(ChartFonts.Typeface(bold: false), CaptionSize);
        float y = top + 8 + CaptionSize;
        foreach (var line in CaptionLines())
        {
            canvas.DrawText(line, Margin, y, SKTextAlign.Left, captionFont, paint);
            y += CaptionLineHeight;
        }
    }

    /// <summary>The caption wrapped at word boundaries to the figure's width.</summary>
    private List<string> CaptionLines()
    {
        using var font = new SKFont(ChartFonts.Typeface(bold: false), CaptionSize);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in Caption.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > Width - (2 * Margin))
            {
                lines.Add(line.ToString());
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
