using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Report;
using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Reporting.Output;

/// <summary>The file writers the Reporting layer offers, to hand to <see cref="OutputFolder"/>.</summary>
public static class ReportFiles
{
    /// <summary><c>results.json</c> then <c>results.csv</c>: the files for tools, written on every run.</summary>
    public static IReadOnlyList<IReportFile> Results { get; } =
    [
        new ReportFile(ResultsJsonWriter.FileName, ResultsJsonWriter.Write),
        new ReportFile(ResultsCsvWriter.FileName, ResultsCsvWriter.Write),
    ];

    /// <summary>
    /// The charts, each as PNG and SVG: <c>roles</c>, <c>latency</c>, <c>lost-writes</c>, <c>latency-cdf</c>. Each
    /// chart is rendered once per report, whichever file asks first.
    /// </summary>
    public static IReadOnlyList<IReportFile> Charts { get; } = ChartKind.All
        .SelectMany(chart => new IReportFile[]
        {
            new ReportFile(chart.Name + ".png", (report, stream) => stream.Write(ChartRenderings.For(report).Png(chart))),
            new ReportFile(chart.Name + ".svg", (report, stream) => stream.Write(ChartRenderings.For(report).Svg(chart))),
        })
        .ToList();

    /// <summary><c>report.md</c> (charts linked) and the self-contained <c>report.html</c> (charts embedded).</summary>
    public static IReadOnlyList<IReportFile> Reports { get; } = [MarkdownReport.File, HtmlReport.File];

    /// <summary>What a run writes unless <c>--no-charts</c>: <see cref="Charts"/> then <see cref="Reports"/>.</summary>
    public static IReadOnlyList<IReportFile> ChartsAndReports { get; } = [.. Charts, .. Reports];

    /// <summary>The names of the files <see cref="ChartsAndReports"/> writes, in order.</summary>
    public static IReadOnlyList<string> ChartAndReportNames { get; } = ChartsAndReports.Select(f => f.FileName).ToList();
}
