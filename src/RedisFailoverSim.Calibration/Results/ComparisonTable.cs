using System.Globalization;
using System.Text;

namespace RedisFailoverSim.Calibration.Results;

/// <summary>The side-by-side table printed to the terminal (plain text, invariant culture).</summary>
internal static class ComparisonTable
{
    /// <summary>Renders the report's rows.</summary>
    public static string Render(CalibrationReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Calibration of '{report.ScenarioName}' on the self-hosted path: model ({report.Model.Count} seeds) vs real {report.RedisVersion} ({report.Real.Count} runs)\n");
        var header = new[] { "metric", "model mean (min-max)", "real mean (min-max)", "model - real", "agrees within", "verdict" };
        var lines = new List<string[]> { header };
        foreach (var row in report.Rows)
        {
            lines.Add(
            [
                row.Label,
                Range(row.ModelMean, row.ModelMin, row.ModelMax),
                Range(row.RealMean, row.RealMin, row.RealMax),
                Difference(row),
                Band(row),
                row.Agrees switch { true => "ok", false => "DIFFERS", null => string.Empty },
            ]);
        }

        var widths = Enumerable.Range(0, header.Length).Select(c => lines.Max(l => l[c].Length)).ToArray();
        foreach (var line in lines)
        {
            for (int c = 0; c < line.Length; c++)
            {
                text.Append(c == 0 ? line[c].PadRight(widths[c]) : "  " + line[c].PadLeft(widths[c]));
            }

            text.Append('\n');
        }

        text.Append(report.Agrees ? "Model and reality agree within the tolerances.\n" : "Model and reality DIFFER beyond a tolerance (or a real run did not converge).\n");
        foreach (string note in report.Notes)
        {
            text.Append("note: ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    private static string Range(double? mean, double? min, double? max) =>
        mean is null ? "-" : $"{F(mean.Value)} ({F(min!.Value)}-{F(max!.Value)})";

    private static string Band(ComparisonRow row) => row switch
    {
        { Agrees: null } => string.Empty,
        { Tolerance: { } t } => "±" + F(t),
        { AgreeLow: { } low, AgreeHigh: { } high } => F(low) + "-" + F(high),
        _ => "both absent",
    };

    private static string Difference(ComparisonRow row) => row.Difference is not { } d
        ? "-"
        : (d >= 0 ? "+" : string.Empty) + F(d) + (row.DifferencePercent is { } p ? string.Create(CultureInfo.InvariantCulture, $" ({(p >= 0 ? "+" : string.Empty)}{p:0}%)") : string.Empty);

    private static string F(double value) => Math.Abs(value) >= 100
        ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}
