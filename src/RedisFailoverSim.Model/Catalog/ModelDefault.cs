namespace RedisFailoverSim.Model.Catalog;

/// <summary>A documented default the model uses, with the docs/sources.md section it comes from.</summary>
/// <param name="Paths">The paths it applies to (<c>all</c> for every path).</param>
/// <param name="Name">The setting, in the vendor's words (e.g. <c>down-after-milliseconds</c>).</param>
/// <param name="Value">The default value with its unit.</param>
/// <param name="Source">Where it comes from, e.g. <c>docs/sources.md §2.1 (sentinel.c)</c>.</param>
/// <param name="Parameter">The scenario key that changes it, or null when fixed.</param>
public sealed record ModelDefault(string Paths, string Name, string Value, string Source, string? Parameter);
