using RedisFailoverSim.Model.Metrics;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// The colours every chart shares. Outcomes use Jepsen's (docs/sources.md §15.1) so readers who know
/// its latency plots read ours at once; red is kept for split brain.
/// </summary>
internal static class ChartColors
{
    /// <summary>Acknowledged write (Jepsen <c>:ok</c>).</summary>
    public static Color Ok { get; } = Color.FromHex("#81BFFC");

    /// <summary>Outcome unknown (Jepsen <c>:info</c>).</summary>
    public static Color Unknown { get; } = Color.FromHex("#FFA400");

    /// <summary>Failed write (Jepsen <c>:fail</c>).</summary>
    public static Color Failed { get; } = Color.FromHex("#FF1E90");

    /// <summary>Acknowledged, then lost.</summary>
    public static Color Lost { get; } = Color.FromHex("#8E44AD");

    /// <summary>The line that strikes lost writes out, and where they were discarded.</summary>
    public static Color StrikeOut { get; } = Color.FromHex("#E41A1C");

    /// <summary>Two primaries at once.</summary>
    public static Color SplitBrain { get; } = Color.FromHex("#E41A1C");

    /// <summary>Two primaries by role while only one accepted writes (no split brain).</summary>
    public static Color TwoRoles { get; } = Color.FromHex("#FF9800");

    /// <summary>A primary refusing writes because its cluster state is FAIL: a pale shade of <see cref="Failed"/>.</summary>
    public static Color ClusterDown { get; } = Color.FromHex("#FFC2E2");

    /// <summary>Median line.</summary>
    public static Color P50 { get; } = Color.FromHex("#08306B");

    /// <summary>99th percentile line.</summary>
    public static Color P99 { get; } = Color.FromHex("#111111");

    /// <summary>Promotion (failover) markers.</summary>
    public static Color Promotion { get; } = Color.FromHex("#1B5E20");

    /// <summary>Demotion markers.</summary>
    public static Color Demotion { get; } = Color.FromHex("#5D4037");

    /// <summary>Text and outlines.</summary>
    public static Color Ink { get; } = Color.FromHex("#222222");

    /// <summary>Fault bands, one colour per fault in start order (Jepsen's grey first), translucent.</summary>
    public static Color Fault(int index)
    {
        string[] hex = ["#BDBDBD", "#FDBF6F", "#B2DF8A", "#CAB2D6", "#A6CEE3", "#FFFF99"];
        return Color.FromHex(hex[index % hex.Length]).WithAlpha(0.45);
    }

    /// <summary>A path's colour in charts that compare paths.</summary>
    public static Color Path(string path) => path switch
    {
        "elasticache" => Color.FromHex("#1F77B4"),
        "serverless" => Color.FromHex("#9467BD"),
        "memorydb" => Color.FromHex("#2CA02C"),
        "self-hosted" => Color.FromHex("#FF7F0E"),
        _ => Color.FromHex("#7F7F7F"),
    };

    /// <summary>A node role's lane colour.</summary>
    public static Color Role(NodeRole role) => role switch
    {
        NodeRole.Primary => Color.FromHex("#1B7837"),
        NodeRole.Replica => Color.FromHex("#A6CEE3"),
        NodeRole.Syncing => Color.FromHex("#FDBF6F"),
        NodeRole.Down => Color.FromHex("#4D4D4D"),
        NodeRole.Paused => Color.FromHex("#BABABA"),
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}
