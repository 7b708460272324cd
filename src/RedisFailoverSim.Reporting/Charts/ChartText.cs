using System.Globalization;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>Words and numbers shared by the charts' titles, captions and legends.</summary>
internal static class ChartText
{
    /// <summary>
    /// The caption under every chart: scenario, seed, paths and the tool build, so a chart copied out of its folder
    /// still says how to reproduce it.
    /// </summary>
    public static string Caption(RunReport report, string? path = null)
    {
        var paths = path ?? string.Join(", ", report.Paths.Select(p => p.Path));
        var commit = report.Tool.Commit is { Length: >= 7 } c ? $" ({c[..7]})" : "";
        var sha = report.ScenarioSha256.Length >= 12 ? report.ScenarioSha256[..12] : report.ScenarioSha256;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"scenario {report.ScenarioName} · seed {report.Seed} · path{(paths.Contains(',', StringComparison.Ordinal) ? "s" : "")} {paths} · sha256 {sha}… · {report.Tool.Name} {report.Tool.Version}{commit}");
    }

    /// <summary>Seconds with up to 3 decimals: 45.987, 15.</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Seconds with one decimal: 67.8.</summary>
    public static string Seconds1(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators: 16,081.</summary>
    public static string Count(long count) => Terminal.Numbers.Count(count);

    /// <summary>Milliseconds with 3 significant digits: 0.534, 2.30, 4,807.</summary>
    public static string Milliseconds(double ms) => ms switch
    {
        < 10 => ms.ToString("0.00#", CultureInfo.InvariantCulture),
        < 1000 => ms.ToString("0.#", CultureInfo.InvariantCulture),
        _ => ms.ToString("#,0", CultureInfo.InvariantCulture),
    };
}
