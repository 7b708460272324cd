using System.Globalization;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Explain;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Reporting.Timeline;
using RedisFailoverSim.Reporting.Trace;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// What <c>report.md</c> and <c>report.html</c> say, written once for any <see cref="IReportWriter"/>: first a
/// verdict per path and one comparison table, then the details: the scenario in words, the "did the fault bite" facts
/// (with why a path did not fail over), the charts, the key moments, the defaults and assumptions in force (once), and
/// what reproduces the run.
/// </summary>
internal static class ReportContent
{
    /// <summary>Writes the report of <paramref name="report"/>.</summary>
    public static void Write(RunReport report, IReportWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        w.Heading(1, report.ScenarioName);
        if (report.ScenarioDescription.Length > 0)
        {
            w.Paragraph(report.ScenarioDescription.Trim());
        }

        w.Paragraph($"Seed {report.Seed} · paths {string.Join(", ", report.Paths.Select(p => p.Path))} · {Tool(report.Tool)}.");
        ReportCost.Write(report, w);
        Verdict(report, w);
        ReportComparison.Write(report, w);
        ReportShards.Write(report, w);
        Scenario(report, w);
        Facts(report, w);
        Charts(report, w);
        KeyMoments(report, w);
        ReportAssumptions.Write(report, w);
        Reproduce(report, w);
    }

    private static void Verdict(RunReport report, IReportWriter w)
    {
        w.Heading(2, "Verdict");
        foreach (var result in report.Paths)
        {
            w.Paragraph(RunVerdict.Paragraph(result, report.World));
            foreach (var band in result.Bands)
            {
                // The verdict's numbers rest on this assumption: say so where they are read, not only under the facts.
                w.Paragraph($"{result.Path}'s numbers rest on an undocumented choice; the same run under each choice: {band.Sentence()}.");
            }
        }
    }

    private static void Scenario(RunReport report, IReportWriter w)
    {
        w.Heading(2, "The scenario in words");
        if (report.World is { } world)
        {
            foreach (var line in ScenarioWords.Describe(world))
            {
                w.Paragraph(line);
            }
        }

        var faults = ScenarioWords.Faults(report.World, report.Paths.FirstOrDefault());
        if (faults.Count > 0)
        {
            w.Paragraph("Faults:");
            w.List(faults);
        }
        else
        {
            w.Paragraph("No faults: a baseline run.");
        }

        foreach (var result in report.Paths)
        {
            w.Paragraph($"{result.Path}: {PathModels.Describe(result.Path, result.NodeShards is not null) ?? "(no description)"}");
        }
    }

    private static void Facts(RunReport report, IReportWriter w)
    {
        w.Heading(2, "Did the fault bite?");
        foreach (var result in report.Paths)
        {
            var reason = RunVerdict.NoFailoverReason(result, report.World);
            var items = result.Facts.Select(f => $"{(f.Value ? "yes" : "no")}: {f.Detail}"
                + (f.Key == "failoverHappened" && !f.Value && reason is not null ? $", because {reason}" : "")
                + $" (`{f.Key}`)").ToList();
            foreach (var o in new RunTimeline(result).Overlaps)
            {
                items.Add($"two primaries at once: {string.Join(" and ", o.Primaries)} from {S(o.FromSeconds)} s to {S(o.ToSeconds)} s ({S(o.Seconds)} s)");
            }

            items.AddRange(result.Bands.Select(b => "assumption band: " + b.Sentence()));
            if (!result.Converged)
            {
                items.Add("warning: replication did not converge before the run's bound; lost counts writes missing at the end");
            }

            w.Paragraph(result.Path + ":");
            w.List(items);
        }
    }

    private static void Charts(RunReport report, IReportWriter w)
    {
        w.Heading(2, "Charts");
        if (report.Paths.All(p => p.Samples is null))
        {
            w.Paragraph("The writes were not kept for this run, so there are no charts.");
            return;
        }

        foreach (var chart in ChartKind.All)
        {
            w.Heading(3, chart.Name);
            w.Paragraph(chart.Caption + $" Also as `{chart.Name}.svg`.");
            w.Image(chart.Name + ".png", $"{chart.Name}: {chart.Caption}", () => ChartRenderings.For(report).Png(chart));
        }
    }

    private static void KeyMoments(RunReport report, IReportWriter w)
    {
        w.Heading(2, "Key moments");
        w.Paragraph("From the narrated trace (`rfsim run … --trace` prints all of it and writes trace.txt):");
        foreach (var result in report.Paths)
        {
            var lines = TraceNarrator.Narrate(result).Where(l => l.IsKey).ToList();
            var text = lines.Count <= 40
                ? lines.Select(l => l.ToString())
                : lines.Take(36).Select(l => l.ToString()).Append($"… {lines.Count - 39} more in trace.txt").Concat(lines.TakeLast(3).Select(l => l.ToString()));
            w.Paragraph(result.Path + ":");
            w.Code(string.Join('\n', text));
        }
    }

    private static void Reproduce(RunReport report, IReportWriter w)
    {
        w.Heading(2, "Reproduce");
        var file = Path.GetFileName(report.ScenarioSourcePath);
        w.List(
        [
            $"scenario file: {file}, SHA-256 `{report.ScenarioSha256}`",
            $"seed: {report.Seed}",
            $"tool: {Tool(report.Tool)}",
        ]);
        w.Paragraph("The same file, seed and tool build give byte-identical results.json:");
        w.Code($"{report.Tool.Name} run {file} --seed {report.Seed} --paths {string.Join(",", report.Paths.Select(p => p.Path))}");
    }

    private static string Tool(ToolInfo tool) =>
        $"{tool.Name} {tool.Version}" + (tool.Commit is { } c ? $" (commit {c})" : "");

    private static string S(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
