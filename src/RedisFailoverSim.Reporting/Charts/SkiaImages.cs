using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// Encodes one drawing as PNG and as SVG with the same calls, so the two files show the same thing; shared by the
/// run charts (<see cref="Figure"/>) and the sweep charts.
/// </summary>
internal static partial class SkiaImages
{
    /// <summary>The drawing as PNG bytes.</summary>
    public static byte[] Png(int width, int height, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The drawing as SVG bytes (UTF-8), its clip ids renumbered (<see cref="RenumberClipIds"/>).</summary>
    public static byte[] Svg(int width, int height, Action<SKCanvas> draw)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            draw(canvas);
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
}
