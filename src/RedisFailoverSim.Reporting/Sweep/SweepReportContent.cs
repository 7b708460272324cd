using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using RedisFailoverSim.Reporting.Report;
using RedisFailoverSim.Reporting.Terminal;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// A sweep's <c>report.md</c> and <c>report.html</c>, like a run's: first a verdict per path (how often it lost
/// acknowledged writes and how many, how often it failed over and how long clients waited, split brain), then the
/// statistics table, the charts, and the command that reproduces the sweep. The HTML embeds the charts; the Markdown
/// links the PNGs beside it.
/// </summary>
public static class SweepReportContent
{
    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFileName = "report.html";

    private static readonly ConditionalWeakTable<SweepReport, Dictionary<string, byte[]>> Pngs = new();

    /// <summary>report.md of <paramref name="report"/> (UTF-8 bytes, LF); <paramref name="charts"/> as written.</summary>
    public static byte[] Markdown(SweepReport report, bool charts) =>
        Utf8(MarkdownReport.Render(w => Write(report, charts, w)));

    /// <summary>report.html of <paramref name="report"/> (UTF-8 bytes, LF), the charts embedded.</summary>
    public static byte[] Html(SweepReport report, bool charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Utf8(HtmlReport.Render($"{report.Setup.ScenarioName}, seed {Number(report.Setup.Seed)}: rfsim sweep report", w => Write(report, charts, w)));
    }

    /// <summary>A chart's PNG, rendered once per report and shared by the file and report.html.</summary>
    public static byte[] Png(SweepReport report, SweepMetric metric)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metric);
        var cache = Pngs.GetValue(report, _ => new Dictionary<string, byte[]>(StringComparer.Ordinal));
        lock (cache)
        {
            if (!cache.TryGetValue(metric.ChartName, out var png))
            {
                cache[metric.ChartName] = png = SweepCharts.Png(report, metric);
            }

            return png;
        }
    }

    /// <summary>The comparison figure's PNG (a sweep over a list of values), rendered once per report.</summary>
    public static byte[] ComparisonPng(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cache = Pngs.GetValue(report, _ => new Dictionary<string, byte[]>(StringComparer.Ordinal));
        lock (cache)
        {
            if (!cache.TryGetValue(SweepCategoryChart.ComparisonName, out var png))
            {
                cache[SweepCategoryChart.ComparisonName] = png = SweepCategoryChart.Comparison(report).Png();
            }

            return png;
        }
    }

    /// <summary>One sentence per path: what its runs did, in the numbers a reader compares first.</summary>
    public static IReadOnlyList<string> Verdicts(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var setup = report.Setup;
        var runs = setup.Runs * setup.Points.Count;
        var verdicts = new List<string>();
        for (var p = 0; p < setup.Paths.Count; p++)
        {
            var summaries = report.Summaries.Select(s => s.Paths[p]).ToList();
            var withLoss = summaries.Sum(s => s.RunsWithLoss);
            var worst = report.Summaries.MaxBy(s => s.Paths[p].Of(SweepMetric.AcknowledgedLost).Mean ?? 0)!;
            var worstLost = worst.Paths[p].Of(SweepMetric.AcknowledgedLost);
            var at = setup.Axes.Count == 0
                ? ""
                : $" (at {string.Join(", ", setup.Axes.Select((a, i) => $"{SettingWords.Of(a.Key)} {worst.Point.Values[i].Text}"))})";
            var text = new StringBuilder($"{setup.Paths[p]} ");
            text.Append(withLoss == 0
                ? $"lost no acknowledged write in any of the {Count(runs)} runs"
                : $"lost acknowledged writes in {Count(withLoss)} of {Count(runs)} runs: mean {Numbers.ByUnit(worstLost.Mean ?? 0, "writes")}, "
                    + $"P99 {Numbers.ByUnit(worstLost.P99 ?? 0, "writes")}{(setup.Axes.Count == 0 ? "" : ", at the worst point")}{at}");
            var failovers = summaries.Sum(s => s.Of(SweepMetric.FailoverClientObserved).Count);
            text.Append(failovers == 0
                ? $"; it {SweepMetric.FailoverClientObserved.WithoutValue} in any run"
                : $"; clients saw a failover in {Count(failovers)} of {Count(runs)} runs, mean "
                    + $"{Numbers.ByUnit(Mean(summaries, SweepMetric.FailoverClientObserved), "s")} s");
            var splitBrain = summaries.Sum(s => s.RunsWithSplitBrain);
            if (splitBrain > 0)
            {
                text.Append($"; split brain in {Count(splitBrain)} of {Count(runs)} runs, mean "
                    + $"{Numbers.ByUnit(Mean(summaries, SweepMetric.SplitBrain), "s")} s");
            }

            verdicts.Add(text.Append('.').ToString());
        }

        return verdicts;
    }

    private static void Write(SweepReport report, bool charts, IReportWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        var setup = report.Setup;
        w.Heading(1, $"Sweep: {setup.ScenarioName}");
        w.Paragraph(string.Create(
            CultureInfo.InvariantCulture,
            $"{setup.ScenarioDescription.Trim()} {Count(setup.Runs)} runs per path{(setup.Axes.Count == 0 ? "" : " at each of " + Count(setup.Points.Count) + " grid points")} "
            + $"(master seed {setup.Seed}; each replication's own seed is in `replications.csv`), on {string.Join(", ", setup.Paths)}."));
        foreach (var axis in setup.Axes)
        {
            w.Paragraph($"Varied: {SettingWords.Of(axis.Key)} (`{axis.Key}`) "
                + (axis.IsList ? $"over {Count(axis.Steps)} values: " : $"from {axis.From} to {axis.To} in {Count(axis.Steps)} steps: ")
                + string.Join(", ", axis.Values.Select(v => v.Text)) + ".");
        }

        w.Heading(2, "Verdict");
        w.List(Verdicts(report));

        w.Heading(2, "Statistics");
        w.Paragraph(setup.Axes.Count == 0
            ? "Per path and metric over the runs that have a value (`n`): the mean with its 95 % confidence interval (Student's t), the percentiles and the largest value."
            : "Per grid point and path: the headline numbers; `sweep.csv` has every statistic.");
        var (headers, rows) = SweepTable.Cells(report);
        var firstNumber = setup.Axes.Count == 0 ? 2 : setup.Axes.Count + 1;
        w.Table(
            headers.Select(h => h.Replace('\n', ' ')).ToList(),
            rows,
            Enumerable.Range(firstNumber, headers.Count - firstNumber).ToHashSet());

        if (charts)
        {
            w.Heading(2, "Charts");
            if (SweepCategoryChart.HasComparison(setup))
            {
                w.Image(SweepCategoryChart.ComparisonName + ".png", $"comparison: {SettingWords.Of(setup.Axes[0].Key)} side by side", () => ComparisonPng(report));
            }

            foreach (var metric in SweepMetric.All)
            {
                w.Image(metric.ChartName + ".png", $"{metric.ChartName}: {metric.Title}", () => Png(report, metric));
            }
        }

        w.Heading(2, "Reproduce");
        w.Paragraph("The whole sweep (the same bytes for any `--parallel`), then one replication of it:");
        w.Code(Command(setup) + "\n" + $"rfsim run {setup.ScenarioFile} --seed <seed from replications.csv> --paths <path>");
        w.Paragraph($"Built by {setup.Tool.Name} {setup.Tool.Version}{(setup.Tool.Commit is { Length: >= 7 } c ? $" (commit {c[..7]})" : "")}; "
            + $"scenario `{setup.ScenarioFile}`, SHA-256 `{setup.ScenarioSha256}`. The numbers behind it: `sweep.json` and `sweep.csv` (the statistics), `replications.csv` (every run with its seed).");
    }

    /// <summary>The command line that runs this sweep again.</summary>
    public static string Command(SweepSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var vary = string.Concat(setup.Axes.Select(a => $" --vary '{a.Spec}'"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"rfsim sweep {setup.ScenarioFile} --runs {setup.Runs} --seed {setup.Seed} --paths {string.Join(',', setup.Paths)}{vary}");
    }

    private static double Mean(IReadOnlyList<PathSummary> summaries, SweepMetric metric)
    {
        // The mean over every run with a value, at whatever point: each point's mean weighted by its count.
        var counted = summaries.Select(s => s.Of(metric)).Where(m => m.Count > 0).ToList();
        return counted.Sum(m => m.Mean!.Value * m.Count) / counted.Sum(m => m.Count);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

    private static string Count(int value) => Numbers.Count(value);

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
