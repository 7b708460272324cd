using RedisFailoverSim.Reporting.Output;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>The files a run with a <c>month:</c> adds to its output folder.</summary>
public static class CostFiles
{
    /// <summary>
    /// <c>cost.csv</c> when the report has costs, and with <paramref name="charts"/> the durability-versus-cost and
    /// break-even charts of this one run; nothing otherwise.
    /// </summary>
    public static IReadOnlyList<IReportFile> For(RunReport report, bool charts = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Costs is null)
        {
            return [];
        }

        var files = new List<IReportFile> { new ReportFile(CostCsvWriter.FileName, CostCsvWriter.Write) };
        if (charts)
        {
            files.Add(new ReportFile(CostCharts.DurabilityFile, (r, stream) => stream.Write(new CostCharts(r, Decision.PathLoss.Of([r.Paths])).DurabilityVersusCostPng())));
            files.Add(new ReportFile(CostCharts.BreakEvenFile, (r, stream) => stream.Write(new CostCharts(r, Decision.PathLoss.Of([r.Paths])).BreakEvenPng())));
        }

        return files;
    }
}
