using ScottPlot;
using SkiaSharp;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// Makes chart text render on any machine. Skia's NoDependencies build has no fontconfig and silently drops every
/// glyph when it finds no font, so without a usable "DejaVu Sans" the bundled DejaVu files (both weights: titles
/// and axis labels are bold) are registered.
/// </summary>
internal static class ChartFonts
{
    /// <summary>The family the system provides; ScottPlot's own "sans" pick lands on DejaVu Serif.</summary>
    public const string SystemFamily = "DejaVu Sans";

    /// <summary>The name the bundled files are registered under when the system has no DejaVu Sans.</summary>
    public const string BundledFamily = "Bundled Sans";

    private static readonly Lock Gate = new();
    private static string? _family;

    /// <summary>The font family every chart uses; registers the bundled fonts on first use if needed.</summary>
    public static string Family
    {
        get
        {
            lock (Gate)
            {
                return _family ??= Register();
            }
        }
    }

    /// <summary>The typeface of <see cref="Family"/> for text the figure draws itself (titles, captions).</summary>
    public static SKTypeface Typeface(bool bold) => Fonts.GetTypeface(Family, bold, italic: false);

    /// <summary>The width in pixels of <paramref name="text"/> at <paramref name="size"/> pixels.</summary>
    public static float MeasureText(string text, float size, bool bold)
    {
        using var font = new SKFont(Typeface(bold), size);
        return font.MeasureText(text);
    }

    private static string Register()
    {
        if (SKFontManager.Default.FontFamilies.Contains(SystemFamily))
        {
            Fonts.Default = SystemFamily;
            return SystemFamily;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "fonts");
        Fonts.AddFontFile(BundledFamily, Path.Combine(folder, "DejaVuSans.ttf"), bold: false, italic: false);
        Fonts.AddFontFile(BundledFamily, Path.Combine(folder, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
        Fonts.Default = BundledFamily;
        return BundledFamily;
    }
}
