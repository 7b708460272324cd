namespace RedisFailoverSim.Calibration.Real;

/// <summary>A fault as it happened in a real run.</summary>
/// <param name="Label">Plain words, e.g. <c>kill -9 n1</c> or <c>partition {n1,c1} | {n2,n3,s1,s2,s3,c2,c3}</c>.</param>
/// <param name="Kind">The scenario's kind name, e.g. <c>crash</c>.</param>
/// <param name="FromSeconds">When it was applied, seconds from the run's zero.</param>
/// <param name="ToSeconds">When it healed, or null if it never did.</param>
/// <param name="PrimaryAtStart">The primary when it started.</param>
/// <param name="HitPrimary">Whether it reached that primary.</param>
/// <param name="CutLinks">The directed links it cut (partitions), as <c>from→to</c>.</param>
internal sealed record RealFaultWindow(string Label, string Kind, double FromSeconds, double? ToSeconds, string? PrimaryAtStart, bool HitPrimary, IReadOnlyList<string> CutLinks);
