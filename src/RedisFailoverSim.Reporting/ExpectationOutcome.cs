using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Reporting;

/// <summary>One <c>expect:</c> claim checked against a run.</summary>
/// <param name="Expectation">The claim as loaded from the scenario.</param>
/// <param name="Status">Held, failed or skipped.</param>
/// <param name="Actual">The metric's value in the run, or null when it has none (path skipped, no failover).</param>
/// <param name="Detail">Why, in plain words, when the value alone does not say it (empty otherwise).</param>
public sealed record ExpectationOutcome(Expectation Expectation, ExpectationStatus Status, double? Actual, string Detail)
{
    /// <summary>For a claim relative to another path (<c>"&lt; 0.6x memorydb"</c>): that path's value, else null.</summary>
    public double? Compared { get; init; }
}
