namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>One file of a sweep's output folder: its name and what writes its bytes.</summary>
/// <param name="FileName">A plain file name.</param>
/// <param name="Write">Writes the file's bytes.</param>
public sealed record SweepFile(string FileName, Action<Stream> Write)
{
    /// <summary>
    /// What a complete sweep (or a merge) writes, in order: sweep.json, sweep.csv, replications.csv, then the charts (with a list
    /// of values first the comparison figure) unless <paramref name="charts"/> is false, then report.md and report.html.
    /// </summary>
    public static IReadOnlyList<SweepFile> ForReport(SweepReport report, bool charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        var files = new List<SweepFile>
        {
            new(SweepJsonWriter.FileName, s => SweepJsonWriter.Write(report, s)),
            new(SweepCsvWriter.FileName, s => SweepCsvWriter.Write(report, s)),
            new(ReplicationsCsvWriter.FileName, s => ReplicationsCsvWriter.Write(report, s)),
        };
        if (charts && SweepCategoryChart.HasComparison(report.Setup))
        {
            files.Add(new(SweepCategoryChart.ComparisonName + ".png", s => s.Write(SweepReportContent.ComparisonPng(report))));
            files.Add(new(SweepCategoryChart.ComparisonName + ".svg", s => s.Write(SweepCategoryChart.Comparison(report).Svg())));
        }

        if (charts)
        {
            foreach (var metric in SweepMetric.All)
            {
                files.Add(new(metric.ChartName + ".png", s => s.Write(SweepReportContent.Png(report, metric))));
                files.Add(new(metric.ChartName + ".svg", s => s.Write(SweepCharts.Svg(report, metric))));
            }
        }

        files.Add(new(SweepReportContent.MarkdownFileName, s => s.Write(SweepReportContent.Markdown(report, charts))));
        files.Add(new(SweepReportContent.HtmlFileName, s => s.Write(SweepReportContent.Html(report, charts))));
        return files;
    }

    /// <summary>What a shard writes: sweep-partial.json.</summary>
    public static IReadOnlyList<SweepFile> ForPartial(SweepPartial partial) =>
        [new(SweepPartialJson.FileName, s => SweepPartialJson.Write(partial, s))];
}
