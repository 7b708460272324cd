namespace RedisFailoverSim.Scenarios;

/// <summary>How one <c>expect:</c> claim fared against a run.</summary>
/// <param name="Expectation">The claim.</param>
/// <param name="Held">True when the run satisfied it.</param>
/// <param name="Actual">The metric's value in the run, or null when the run has none (e.g. no failover).</param>
/// <param name="Explanation">
/// One line for people: <c>self-hosted controlPlaneSeconds &gt;= 31: held (actual 32.41)</c>, or why it failed.
/// </param>
public sealed record ExpectationResult(Expectation Expectation, bool Held, double? Actual, string Explanation)
{
    /// <summary>For a claim relative to another path: that path's value of the metric (before the factor).</summary>
    public double? Compared { get; init; }
}
