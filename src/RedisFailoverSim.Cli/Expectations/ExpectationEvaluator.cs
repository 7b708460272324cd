using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli.Expectations;

/// <summary>
/// Checks <c>expect:</c> claims against path results with the Scenarios layer's own evaluator (one definition of
/// every metric name, <see cref="ScenarioMetrics"/>), and turns the verdicts into report records.
/// </summary>
internal static class ExpectationEvaluator
{
    /// <summary>
    /// Checks every claim in order, reading the month's cost from <paramref name="costs"/> (none: cost claims fail and
    /// say why); claims about paths that did not run, or relative to one, are skipped.
    /// </summary>
    public static IReadOnlyList<ExpectationOutcome> Evaluate(
        IReadOnlyList<Expectation> expectations,
        IReadOnlyList<PathResult> results,
        IReadOnlyList<PathCost>? costs = null)
    {
        var values = CostClaims.Values(results, costs);
        return expectations.Select(e => Evaluate(e, values)).ToList();
    }

    /// <summary>Checks one claim against its path's result (null when the path did not run).</summary>
    public static ExpectationOutcome Evaluate(Expectation expectation, PathResult? result) =>
        Evaluate(expectation, new ClaimValues(result is null ? [] : [result]));

    private static ExpectationOutcome Evaluate(Expectation expectation, ClaimValues values)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        if (values.Result(expectation.Path) is not { } result)
        {
            return new(expectation, ExpectationStatus.Skipped, null, $"{expectation.Path} did not run");
        }

        if (expectation.RelativeTo is { } other && values.Result(other) is null)
        {
            return new(expectation, ExpectationStatus.Skipped, null, $"{other} did not run");
        }

        var verdict = expectation.Evaluate(result, values);
        return new(
            expectation,
            verdict.Held ? ExpectationStatus.Held : ExpectationStatus.Failed,
            verdict.Actual,
            verdict.Held || verdict.Actual is not null ? "" : verdict.Explanation)
        {
            Compared = verdict.Compared,
        };
    }
}
