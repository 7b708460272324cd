namespace RedisFailoverSim.Scenarios.Prices;

/// <summary>Where prices come from: one entry of a price file's <c>sources:</c>.</summary>
/// <param name="Id">The key prices refer to it by.</param>
/// <param name="Url">The page or file read.</param>
/// <param name="Read">The date it was read (YYYY-MM-DD).</param>
/// <param name="Status">How far its prices can be trusted.</param>
/// <param name="Says">What it says, in a sentence.</param>
public sealed record PriceSource(string Id, string Url, string Read, PriceStatus Status, string Says);
