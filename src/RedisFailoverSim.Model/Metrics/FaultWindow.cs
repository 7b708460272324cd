namespace RedisFailoverSim.Model.Metrics;

/// <summary>A fault as it happened in one run, for shaded bands.</summary>
/// <param name="Label">Plain words, e.g. <c>partition {n1,n2} | {n3,n4,n5}</c>.</param>
/// <param name="Kind">The fault kind's scenario name, e.g. <c>partition</c>.</param>
/// <param name="FromSeconds">Start.</param>
/// <param name="ToSeconds">Heal (the run end if it never heals).</param>
public sealed record FaultWindow(string Label, string Kind, double FromSeconds, double ToSeconds);
