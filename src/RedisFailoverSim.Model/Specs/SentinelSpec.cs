namespace RedisFailoverSim.Model.Specs;

/// <summary>A Sentinel process.</summary>
/// <param name="Name">Unique name, e.g. <c>s1</c>.</param>
/// <param name="Az">The AZ it runs in.</param>
public sealed record SentinelSpec(string Name, string Az);
