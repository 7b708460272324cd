namespace RedisFailoverSim.Scenarios;

/// <summary>
/// One checkable claim from a scenario's <c>expect:</c> block, e.g. <c>self-hosted: { acknowledgedLost: "&gt; 0" }</c>.
/// </summary>
/// <param name="Path">The path it is about.</param>
/// <param name="Metric">The metric's results.json name, e.g. <c>acknowledgedLost</c>.</param>
/// <param name="Operator">How to compare.</param>
/// <param name="Value">The number to compare with.</param>
/// <param name="Text">The claim as written, for messages.</param>
/// <param name="Line">Its line in the file.</param>
public sealed record Expectation(string Path, string Metric, Comparison Operator, double Value, string Text, int Line);
