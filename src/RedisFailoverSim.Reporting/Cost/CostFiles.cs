using RedisFailoverSim.Reporting.Output;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>The files a run with a <c>month:</c> adds to its output folder.</summary>
public static class CostFiles
{
    /// <summary><c>cost.csv</c> when the report has costs; nothing otherwise.</summary>
    public static IReadOnlyList<IReportFile> For(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Costs is null ? [] : [new ReportFile(CostCsvWriter.FileName, CostCsvWriter.Write)];
    }
}
