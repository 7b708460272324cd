using System.Globalization;
using System.Text;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// The <c>plots/</c> gallery the repository README shows: for each bundled scenario the chart that tells its
/// story best (split brain: who was primary and the latency; lost writes: where they were acknowledged; a
/// failover: the latency; otherwise the latency distribution), and a README listing them. <c>rfsim plots</c>
/// regenerates it.
/// </summary>
public static class ChartGallery
{
    /// <summary>The gallery's README file name.</summary>
    public const string ReadmeFileName = "README.md";

    /// <summary>The command that regenerates the gallery, from the repository root.</summary>
    public const string Command = "dotnet run --project src/RedisFailoverSim.Cli -- plots --out plots";

    /// <summary>The charts that tell <paramref name="report"/>'s story, rendered, with why each was chosen.</summary>
    public static IReadOnlyList<GalleryEntry> Pick(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = new List<(string Chart, string Why)>();
        var paths = report.Paths;
        if (paths.FirstOrDefault(p => p.SplitBrainSeconds > 0) is { } splitBrain)
        {
            var overlap = new Timeline.RunTimeline(splitBrain).Overlaps.FirstOrDefault();
            var who = overlap is null ? "two nodes" : string.Join(" and ", overlap.Primaries);
            var fault = splitBrain.Faults.Count > 0 ? $"; the fault ({splitBrain.Faults[0].Label}) shaded" : "";
            charts.Add((RolesChart.Name,
                $"{splitBrain.Path}: {who} both primary and accepting writes for {ChartText.Seconds1(splitBrain.SplitBrainSeconds)} s (red){fault}; "
                + "the Sentinels' SDOWN, ODOWN, votes, election and +switch-master up close"));
            long lost = splitBrain.Writes.AcknowledgedLost;
            charts.Add((LatencyChart.Name, lost > 0
                ? $"{splitBrain.Path}: every write by outcome; the {Count(lost)} writes acknowledged and later lost in purple"
                : $"{splitBrain.Path}: every write by outcome; no acknowledged write lost, timeouts (orange) until the failover"));
        }
        else if (paths.FirstOrDefault(p => p.Writes.AcknowledgedLost > 0) is { } lossy)
        {
            charts.Add((LostWritesChart.Name,
                $"{Count(lossy.Writes.AcknowledgedLost)} of {Count(lossy.Writes.Acknowledged)} acknowledged writes lost on {lossy.Path}, "
                + "drawn on the lane of the node that acknowledged them and struck out where it discarded them"));
        }
        else if (paths.FirstOrDefault(p => p.Failover is not null) is { } failover)
        {
            var client = failover.Failover!.ClientObservedSeconds is { } s ? ChartText.Seconds1(s) + " s" : "never";
            charts.Add((LatencyChart.Name,
                $"the failover on {failover.Path} as clients saw it: writes stall from the fault until {failover.Failover.NewPrimary} "
                + $"takes over (client-observed {client}), and no acknowledged write is lost"));
        }
        else
        {
            charts.Add((LatencyCdfChart.Name, "no failover and no loss: the story is in the latency distribution"));
        }

        var renderings = ChartRenderings.For(report);
        return charts
            .Select(c => new GalleryEntry(
                report.ScenarioName,
                c.Chart,
                $"{report.ScenarioName}-{c.Chart}.png",
                c.Why,
                renderings.Png(ChartKind.All.Single(k => k.Name == c.Chart))))
            .ToList();
    }

    /// <summary>
    /// The gallery's README: what lands in <c>plots/</c>, the command that regenerates it, and each chart with why
    /// it was chosen. <paramref name="skipped"/> lists scenarios with no path that can run yet, with the reason.
    /// </summary>
    public static string Readme(IReadOnlyList<GalleryEntry> entries, IReadOnlyList<(string Scenario, string Reason)> skipped, ToolInfo tool)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(tool);
        var text = new StringBuilder();
        text.Append("# plots/: the chart gallery\n\n");
        text.Append("The most telling chart of each bundled scenario (`scenarios/*.yaml`), run with the scenario's own seed on every\n");
        text.Append("path that can run today, so the README and design reviews can show them. Every `rfsim run` writes all four\n");
        text.Append("charts (roles, latency, lost-writes, latency-cdf; PNG and SVG) into its output folder; this folder keeps one\n");
        text.Append("or two per scenario. Generated, do not edit by hand: regenerate everything (PNGs and this README) from the\n");
        text.Append("repository root with\n\n");
        text.Append("```sh\n").Append(Command).Append("\n```\n\n");
        text.Append("(with an installed tool: `rfsim plots --out plots`, run where `scenarios/` can be found).\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Last generated by {tool.Name} {tool.Version}");
        text.Append(tool.Commit is { Length: >= 7 } c ? $" (commit {c[..7]})" : "").Append(".\n\n");
        text.Append("| scenario | chart | why this chart |\n| --- | --- | --- |\n");
        foreach (var e in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {e.Scenario} | [{e.Chart}]({e.FileName}) | {Cell(e.Why)} |\n");
        }

        foreach (var (scenario, reason) in skipped)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {scenario} | - | not rendered: {Cell(reason)} |\n");
        }

        foreach (var e in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {e.Scenario}: {e.Chart}\n\n![{e.Scenario} {e.Chart}]({e.FileName})\n");
        }

        return text.ToString();
    }

    /// <summary>A table cell: a fault label's "|" would end the cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
