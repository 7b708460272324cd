namespace RedisFailoverSim.Reporting.Charts;

/// <summary>One of the charts a run writes.</summary>
/// <param name="Name">File name without extension: <c>latency</c>, <c>roles</c>…</param>
/// <param name="Caption">What it shows, one sentence, for the report.</param>
/// <param name="Build">Builds the figure for a report.</param>
internal sealed record ChartKind(string Name, string Caption, Func<RunReport, Figure> Build)
{
    /// <summary>Every chart, in the order the report shows them.</summary>
    public static IReadOnlyList<ChartKind> All { get; } =
    [
        new(RolesChart.Name, "Who was primary: one lane per node, faults shaded, two primaries at once in red, Sentinel moments below.", RolesChart.Build),
        new(LatencyChart.Name, "Every write at its intended start, latency on a log scale, coloured by outcome, with P50/P99 per second.", LatencyChart.Build),
        new(LostWritesChart.Name, "Acknowledged writes kept and lost per path, and where on the timeline the lost ones were acknowledged.", LostWritesChart.Build),
        new(LatencyCdfChart.Name, "The latency distribution of acknowledged writes per path, with P50, P99 and P99.9.", LatencyCdfChart.Build),
    ];
}
