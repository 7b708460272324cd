namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>One value of a varied setting.</summary>
/// <param name="Text">The value as written into the scenario (what the loader reads): <c>21.428571429s</c>.</param>
/// <param name="Number">The same value as a number in the axis's unit, for charts: 21.428571429.</param>
public sealed record SweepValue(string Text, double Number);
