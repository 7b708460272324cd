namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// A "did the fault bite" fact (docs/sources.md §15.5): whether the scenario produced the condition it is about.
/// </summary>
/// <param name="Key">Stable machine name, e.g. <c>faultedNodeWasPrimary</c>.</param>
/// <param name="Value">True or false.</param>
/// <param name="Detail">Plain words, e.g. "n1 and n5 were both primary for 41.2 s".</param>
public sealed record BiteFact(string Key, bool Value, string Detail);
