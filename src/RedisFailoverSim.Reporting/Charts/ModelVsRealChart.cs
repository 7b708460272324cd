using System.Globalization;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// One metric of a calibration as the chart needs it: every model seed's value and every real run's value, with the
/// tolerance the verdict used. Reporting cannot see the Calibration project (same layer), so the Cli maps its report
/// into these.
/// </summary>
/// <param name="Label">What the metric is, with its unit, e.g. <c>client-observed failover (s)</c>.</param>
/// <param name="Model">The model's values, one per seed (runs without a value left out).</param>
/// <param name="Real">The real runs' values, one per run.</param>
/// <param name="AgreeLow">The smallest model mean that agrees (the band is computed from the real runs); null when not judged.</param>
/// <param name="AgreeHigh">The largest model mean that agrees; null when not judged.</param>
/// <param name="Agrees">The verdict: true, false, or null for an informational row.</param>
public sealed record ModelVsRealMetric(string Label, IReadOnlyList<double> Model, IReadOnlyList<double> Real, double? AgreeLow, double? AgreeHigh, bool? Agrees);

/// <summary>
/// <c>calibration.png/svg</c>: one strip per metric, the real runs (dark) and the model's seeds (orange, the
/// self-hosted path's colour) as dots on the metric's axis, each side's mean as a bar, and the band computed from the
/// real runs shaded green where the model's mean lies in it and red where it does not. A reader sees at once whether the
/// model lands inside reality's band and how wide each side's spread is.
/// </summary>
public static class ModelVsRealChart
{
    /// <summary>The file name without extension.</summary>
    public const string Name = "calibration";

    private const int StripHeight = 160;

    private static readonly Color RealColor = Color.FromHex("#222222");

    /// <summary>Renders the chart: PNG and SVG bytes of the same picture.</summary>
    public static (byte[] Png, byte[] Svg) Render(string title, string caption, IReadOnlyList<ModelVsRealMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var figure = new Figure(title, caption);
        foreach (var metric in metrics)
        {
            figure.Add(Strip(metric), StripHeight);
        }

        return (figure.Png(), figure.Svg());
    }

    private static Plot Strip(ModelVsRealMetric metric)
    {
        double? modelMean = metric.Model.Count == 0 ? null : metric.Model.Average();
        double? realMean = metric.Real.Count == 0 ? null : metric.Real.Average();
        string band = metric.AgreeLow is { } l && metric.AgreeHigh is { } h ? $"{Number(l)}–{Number(h)}" : "—";
        var verdict = metric.Agrees switch
        {
            true => $"agrees (band {band})",
            false => $"DIFFERS (band {band})",
            null => "informational",
        };
        var heading = $"{metric.Label}: model {Mean(modelMean)}, real {Mean(realMean)} — {verdict}";
        var plot = Panel.Create(heading, "", "", left: 150, right: 40);
        plot.Axes.Title.Label.FontSize = 14;
        plot.Layout.Fixed(new PixelPadding(150, 40, 30, 40));
        plot.HideLegend();

        var values = metric.Model.Concat(metric.Real).ToList();
        if (values.Count == 0)
        {
            ChartMarks.NoData(plot, "no run produced a value", 1);
            return plot;
        }

        if (metric.Agrees is not null && metric.AgreeLow is { } low && metric.AgreeHigh is { } high && high > low)
        {
            // Every calibrated metric is a count, a duration or a latency: the band stops at zero.
            var rectangle = plot.Add.Rectangle(Math.Max(0, low), high, -0.5, 1.5);
            var shade = metric.Agrees.Value ? Color.FromHex("#B7E4C7") : Color.FromHex("#F8C4C4");
            rectangle.FillStyle.Color = shade.WithAlpha(0.6);
            rectangle.LineStyle.Width = 0;
            values.Add(Math.Max(0, low));
            values.Add(high);
        }

        AddRow(plot, metric.Real, 1, RealColor, realMean);
        AddRow(plot, metric.Model, 0, ChartColors.Path("self-hosted"), modelMean);

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        ticks.AddMajor(1, metric.Real.Count == 1 ? "real (1 run)" : $"real ({metric.Real.Count} runs)");
        ticks.AddMajor(0, metric.Model.Count == 1 ? "model (1 seed)" : $"model ({metric.Model.Count} seeds)");
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;

        double least = values.Min(), most = values.Max();
        double pad = Math.Max((most - least) * 0.08, Math.Max(Math.Abs(most) * 0.02, 0.5));
        plot.Axes.SetLimits(least - pad, most + pad, -0.6, 1.6);
        return plot;
    }

    private static void AddRow(Plot plot, IReadOnlyList<double> values, double y, Color color, double? mean)
    {
        if (values.Count == 0)
        {
            return;
        }

        // A small deterministic vertical spread so equal values stay countable.
        var ys = values.Select((_, i) => y + (((i % 5) - 2) * 0.06)).ToArray();
        var dots = plot.Add.ScatterPoints(values.ToArray(), ys, color.WithAlpha(0.85));
        dots.MarkerSize = 9;
        dots.MarkerShape = MarkerShape.FilledCircle;
        if (mean is { } m)
        {
            var bar = plot.Add.Line(m, y - 0.32, m, y + 0.32);
            bar.LineColor = color;
            bar.LineWidth = 4;
        }
    }

    private static string Mean(double? value) => value is { } v ? Number(v) : "—";

    private static string Number(double value) => Math.Abs(value) >= 100
        ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}
