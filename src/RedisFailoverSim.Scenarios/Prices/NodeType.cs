namespace RedisFailoverSim.Scenarios.Prices;

/// <summary>A node or instance type's capacity, for sizing.</summary>
/// <param name="Name">The type, e.g. <c>cache.r7g.large</c>, <c>db.r7g.large</c>, <c>r7g.large</c>.</param>
/// <param name="MemoryGib">Memory in GiB (before <c>reserved-memory-percent</c>).</param>
/// <param name="BaselineGbps">Baseline network bandwidth in Gbit/s, when a source gives it.</param>
/// <param name="Source">Where the numbers come from.</param>
public sealed record NodeType(string Name, double MemoryGib, double? BaselineGbps, PriceSource Source);
