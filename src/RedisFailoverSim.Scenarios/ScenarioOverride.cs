namespace RedisFailoverSim.Scenarios;

/// <summary>
/// One setting changed from outside the file before it is validated, e.g. by <c>rfsim sweep --vary</c>.
/// The key uses the same path syntax as the loader's messages: <c>sentinel.down-after-milliseconds</c>,
/// <c>faults[0].duration</c>, <c>workload.rate</c>, <c>topology.nodes[1].replica-priority</c>.
/// </summary>
/// <param name="Key">Dotted path to a setting; <c>[i]</c> picks an existing list item.</param>
/// <param name="Value">The value as it would be written in the file, e.g. <c>5000</c> or <c>30s</c>.</param>
public sealed record ScenarioOverride(string Key, string Value);
