using RedisFailoverSim.Reporting.Charts;
using ScottPlot;
using SkiaSharp;

namespace RedisFailoverSim.Tests.Reporting.Charts;

/// <summary>
/// Pixel analysis of a rendered chart: is there anything drawn in each data area, and does anything touch the
/// picture's edge (a legend or title cut off)? The background is white; grid lines and translucent fault bands are
/// light grey, so "ink" is a pixel that is dark (a channel below 200) or clearly coloured.
/// </summary>
internal static class ChartPixels
{
    public static bool IsInk(SKColor c) =>
        Math.Min(c.Red, Math.Min(c.Green, c.Blue)) < 200
        || Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 40;

    /// <summary>Ink pixels strictly inside <paramref name="area"/> (its frame excluded).</summary>
    public static int InkInside(SKBitmap bitmap, PixelRect area)
    {
        int count = 0;
        for (int y = (int)area.Top + 3; y < (int)area.Bottom - 3; y++)
        {
            for (int x = (int)area.Left + 3; x < (int)area.Right - 3; x++)
            {
                if (IsInk(bitmap.GetPixel(x, y)))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Pixels within <paramref name="band"/> of the picture's edge that are not white.</summary>
    public static int NonWhiteAtEdge(SKBitmap bitmap, int band)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                bool edge = x < band || y < band || x >= bitmap.Width - band || y >= bitmap.Height - band;
                if (edge && bitmap.GetPixel(x, y) != SKColors.White)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Asserts what every chart owes its reader: ink in every panel's data area, nothing touching the picture's edge,
    /// and every legend inside the picture (by ScottPlot's measured legend size, placed where its legend panel puts
    /// it: <see cref="LegendFit.Offset"/> right of the data area, centred on it).
    /// </summary>
    public static void AssertReadable(Figure figure, string name)
    {
        // Kept beside the test assembly, to look at what the test judged.
        var png = figure.Png();
        var folder = Path.Combine(AppContext.BaseDirectory, "chart-checks");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".png"), png);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((figure.Width, figure.Height), (bitmap.Width, bitmap.Height));
        var placements = figure.Placements();
        for (int i = 0; i < placements.Count; i++)
        {
            var (_, data, legend) = placements[i];
            Assert.True(InkInside(bitmap, data) > 20, $"{name}: panel {i + 1} has nothing drawn in its data area");
            if (legend.Width > 0)
            {
                float right = data.Right + LegendFit.Offset + legend.Width;
                float middle = (data.Top + data.Bottom) / 2;
                Assert.True(right <= figure.Width - 2, $"{name}: panel {i + 1}'s legend ends at x={right}, past the picture's {figure.Width}");
                Assert.True(middle - (legend.Height / 2) >= placements[i].Top, $"{name}: panel {i + 1}'s legend starts above its strip");
            }
        }

        Assert.True(NonWhiteAtEdge(bitmap, 2) == 0, $"{name}: something is drawn up to the picture's edge (cut off)");
    }
}
