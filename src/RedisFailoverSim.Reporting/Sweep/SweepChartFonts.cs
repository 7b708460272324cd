using ScottPlot;
using SkiaSharp;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// Makes the sweep charts' text render on any machine: Skia's NoDependencies build has no fontconfig and silently
/// drops every glyph when it finds no font, so without a system "DejaVu Sans" the DejaVu files bundled with the
/// Reporting project are registered, both weights (titles and axis labels are bold: with only the regular face registered they come out without text). Runs once
/// per process. The family is set on each plot rather than through <c>Fonts.Default</c>, and registered under a
/// name of its own, so it cannot disturb other charts' font set-up in the same process.
/// </summary>
// TODO(issue 6): use Reporting/Charts/ChartFonts once the charts land on main, so one registration serves all charts.
internal static class SweepChartFonts
{
    /// <summary>The family the system usually provides.</summary>
    public const string SystemFamily = "DejaVu Sans";

    /// <summary>The name the bundled files are registered under when the system has no DejaVu Sans.</summary>
    public const string BundledFamily = "rfsim Sweep Sans";

    private static readonly Lazy<string> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The family every sweep chart uses; registers the bundled fonts on first use if needed.</summary>
    public static string Family => Registered.Value;

    private static string Register()
    {
        if (SKFontManager.Default.FontFamilies.Contains(SystemFamily))
        {
            return SystemFamily;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "fonts");
        Fonts.AddFontFile(BundledFamily, Path.Combine(folder, "DejaVuSans.ttf"), bold: false, italic: false);
        Fonts.AddFontFile(BundledFamily, Path.Combine(folder, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
        return BundledFamily;
    }
}
