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

    // TODO(issue 6): Charts (latency, roles, lost-writes, latency-cdf as PNG and SVG), report.md, report.html
    // and trace.txt join here as further IReportFile lists; the CLI appends them unless --no-charts.
}
