namespace RedisFailoverSim.Model.Catalog;

/// <summary>One default of a client-library profile: the scenario key, its value, and where the value comes from.</summary>
/// <param name="Key">The <c>client:</c> key.</param>
/// <param name="Value">The value, as a scenario would write it.</param>
/// <param name="Source">The source (<c>docs/sources.md §11.n</c>) or the assumption id.</param>
public sealed record ClientFact(string Key, string Value, string Source);
