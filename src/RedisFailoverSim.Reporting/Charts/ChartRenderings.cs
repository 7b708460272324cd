using System.Runtime.CompilerServices;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// Renders each chart of a report once: the PNG file, the SVG file and <c>report.html</c> (which embeds the PNGs)
/// share the bytes. Kept per <see cref="RunReport"/> instance for as long as the report is alive.
/// </summary>
internal sealed class ChartRenderings
{
    private static readonly ConditionalWeakTable<RunReport, ChartRenderings> Cache = new();

    private readonly RunReport _report;
    private readonly Dictionary<string, Figure> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private ChartRenderings(RunReport report) => _report = report;

    /// <summary>The renderings of <paramref name="report"/>.</summary>
    public static ChartRenderings For(RunReport report) => Cache.GetValue(report, r => new ChartRenderings(r));

    /// <summary>The chart as PNG bytes.</summary>
    public byte[] Png(ChartKind chart) => Bytes(chart, "png", f => f.Png());

    /// <summary>The chart as SVG bytes.</summary>
    public byte[] Svg(ChartKind chart) => Bytes(chart, "svg", f => f.Svg());

    private byte[] Bytes(ChartKind chart, string format, Func<Figure, byte[]> render)
    {
        lock (_gate)
        {
            var key = chart.Name + "." + format;
            if (!_bytes.TryGetValue(key, out var bytes))
            {
                if (!_figures.TryGetValue(chart.Name, out var figure))
                {
                    _figures[chart.Name] = figure = chart.Build(_report);
                }

                _bytes[key] = bytes = render(figure);

                // Both renderings made: the figure (every plotted point) is no longer needed; the bytes are.
                if (_bytes.ContainsKey(chart.Name + ".png") && _bytes.ContainsKey(chart.Name + ".svg"))
                {
                    _figures.Remove(chart.Name);
                }
            }

            return bytes;
        }
    }
}
