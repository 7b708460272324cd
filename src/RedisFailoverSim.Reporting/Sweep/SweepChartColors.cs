using ScottPlot;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>One colour per path in every sweep chart: the same as the run charts', so a path keeps its colour across a report.</summary>
internal static class SweepChartColors
{
    public static Color Of(string path) => Charts.ChartColors.Path(path);
}
