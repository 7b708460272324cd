using ScottPlot;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>One colour per path in every sweep chart (the Tableau 10 palette, distinguishable in print).</summary>
internal static class SweepChartColors
{
    public static Color Of(string path) => path switch
    {
        "elasticache" => Color.FromHex("#ff7f0e"),
        "serverless" => Color.FromHex("#9467bd"),
        "memorydb" => Color.FromHex("#2ca02c"),
        "self-hosted" => Color.FromHex("#1f77b4"),
        _ => Color.FromHex("#7f7f7f"),
    };
}
