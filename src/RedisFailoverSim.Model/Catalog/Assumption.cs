namespace RedisFailoverSim.Model.Catalog;

/// <summary>
/// A modelling choice that is not a documented fact: printed by
/// <c>rfsim explain</c> and in every report.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>A5</c>, used in code comments.</param>
/// <param name="Paths">The paths it affects (<c>all</c> for every path).</param>
/// <param name="Text">One sentence: what we assume and why.</param>
/// <param name="Parameter">The scenario key that changes it, or null when fixed.</param>
/// <param name="DefaultValue">The value used unless the scenario says otherwise.</param>
public sealed record Assumption(string Id, string Paths, string Text, string? Parameter, string DefaultValue);
