using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli.Expectations;

/// <summary>
/// Checks <c>expect:</c> claims against path results with the Scenarios layer's own evaluator (one definition of
/// every metric name, <see cref="ScenarioMetrics"/>), and turns the verdicts into report records.
/// </summary>
internal static class ExpectationEvaluator
{
    /// <summary>Checks every claim in order; claims about paths that did not run are skipped.</summary>
    public static IReadOnlyList<ExpectationOutcome> Evaluate(
        IReadOnlyList<Expectation> expectations,
        IReadOnlyList<PathResult> results) =>
        expectations.Select(e => Evaluate(e, results.FirstOrDefault(r => r.Path == e.Path))).ToList();

    /// <summary>Checks one claim against its path's result (null when the path did not run).</summary>
    public static ExpectationOutcome Evaluate(Expectation expectation, PathResult? result)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        if (result is null)
        {
            return new(expectation, ExpectationStatus.Skipped, null, $"{expectation.Path} did not run");
        }

        var verdict = expectation.Evaluate(result);
        return new(
            expectation,
            verdict.Held ? ExpectationStatus.Held : ExpectationStatus.Failed,
            verdict.Actual,
            verdict.Held || verdict.Actual is not null ? "" : verdict.Explanation);
    }
}
