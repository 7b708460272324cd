using System.Globalization;
using RedisFailoverSim.Reporting.Charts;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// The sweep's charts, one per <see cref="SweepMetric"/>, each as PNG and SVG (<c>acked-lost.png</c>, …), in the run
/// charts' house style (title, panels with the legend beside them, a caption naming scenario, seed, runs and build):
/// <list type="bullet">
/// <item>without <c>--vary</c>: one strip per path, each on its own scale (so a path whose runs vary a little is not
/// squashed flat by one whose numbers are large), every run a dot, the box P25–P75 with the median, whiskers
/// min–max, ◆ the mean with its 95 % confidence interval, × P99; a path with no value in any run says why;</item>
/// <item>with one <c>--vary</c>: per path, the mean against the varied setting with its 95 % confidence band and the
/// P99 thinner, each path with its own marker and dash so one drawn over another still shows, and the legend
/// saying which are identical;</item>
/// <item>with two: one such panel per value of the second setting, stacked, on one y scale.</item>
/// </list>
/// </summary>
public static class SweepCharts
{
    /// <summary>The chart files' names, in writing order: <c>acked-lost.png</c>, <c>acked-lost.svg</c>, ….</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        SweepMetric.All.SelectMany(m => new[] { m.ChartName + ".png", m.ChartName + ".svg" }).ToList();

    /// <summary>The PNG of <paramref name="metric"/>'s chart.</summary>
    public static byte[] Png(SweepReport report, SweepMetric metric) => Build(report, metric).Png();

    /// <summary>The SVG of <paramref name="metric"/>'s chart.</summary>
    public static byte[] Svg(SweepReport report, SweepMetric metric) => Build(report, metric).Svg();

    /// <summary>The figure of <paramref name="metric"/>'s chart.</summary>
    internal static Figure Build(SweepReport report, SweepMetric metric)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metric);
        return report.Setup.Axes.Count == 0 ? SweepDistributionChart.Build(report, metric) : SweepCurveChart.Build(report, metric);
    }

    /// <summary>
    /// The caption under every sweep chart: scenario, seed, runs, paths, the varied settings as typed and the tool
    /// build, so a chart copied out of its folder says how to reproduce it; then <paramref name="note"/>.
    /// </summary>
    internal static string Caption(SweepSetup setup, string note)
    {
        var commit = setup.Tool.Commit is { Length: >= 7 } c ? $" ({c[..7]})" : "";
        var sha = setup.ScenarioSha256.Length >= 12 ? setup.ScenarioSha256[..12] : setup.ScenarioSha256;
        var vary = string.Concat(setup.Axes.Select(a => $" · --vary {a.Spec}"));
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"scenario {setup.ScenarioName} · seed {setup.Seed} · {setup.Runs} runs per point and path · paths {string.Join(", ", setup.Paths)}{vary} · sha256 {sha}… · {setup.Tool.Name} {setup.Tool.Version}{commit}");
        return note.Length == 0 ? text : text + " · " + note;
    }

    /// <summary>The metric's title with a capital first letter, for figure titles.</summary>
    internal static string Heading(SweepMetric metric) => char.ToUpperInvariant(metric.Title[0]) + metric.Title[1..];

    /// <summary>
    /// The paths of <paramref name="report"/> with no value of <paramref name="metric"/> in any run at any point, e.g.
    /// those that never failed over.
    /// </summary>
    internal static IReadOnlyList<string> WithoutAnyValue(SweepReport report, SweepMetric metric) =>
        report.Setup.Paths
            .Where((_, p) => report.Summaries.All(point => point.Paths[p].Of(metric).Count == 0))
            .ToList();

    /// <summary>The caption note naming the paths without any value and why: <c>elasticache, serverless: never failed over …</c>.</summary>
    internal static string WithoutValueNote(SweepReport report, SweepMetric metric)
    {
        var without = WithoutAnyValue(report, metric);
        return without.Count == 0
            ? ""
            : $"{string.Join(", ", without)}: {metric.WithoutValue} in any of the {Count(report.Setup.Runs * report.Setup.Points.Count)} runs, so not drawn";
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
