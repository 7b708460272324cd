using System.Globalization;
using RedisFailoverSim.Model.Metrics;

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
public sealed record Expectation(string Path, string Metric, Comparison Operator, double Value, string Text, int Line)
{
    /// <summary>
    /// Checks the claim against the run of its path. A metric the run does not have (a failover duration when no
    /// failover happened, a latency when nothing was acknowledged) fails the claim and says why; the counts and
    /// <c>failoverCount</c> always have a value.
    /// </summary>
    /// <exception cref="ArgumentException">The result is of another path.</exception>
    public ExpectationResult Evaluate(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Path != Path)
        {
            throw new ArgumentException($"the claim is about '{Path}' but the result is of '{result.Path}'", nameof(result));
        }

        var claim = $"{Path} {Metric} {Text}";
        var actual = ScenarioMetrics.Read(result, Metric);
        if (actual is not { } value)
        {
            return new ExpectationResult(this, false, null, $"{claim}: failed ({ScenarioMetrics.WhyAbsent(result, Metric)})");
        }

        var held = Holds(value);
        var verdict = held ? "held" : "failed";
        return new ExpectationResult(this, held, value, $"{claim}: {verdict} (actual {Format(value)})");
    }

    /// <summary>True when <paramref name="actual"/> satisfies the comparison.</summary>
    public bool Holds(double actual) => Operator switch
    {
        Comparison.Less => actual < Value,
        Comparison.LessOrEqual => actual <= Value,
        Comparison.Greater => actual > Value,
        Comparison.GreaterOrEqual => actual >= Value,
        Comparison.Equal => actual == Value,
        Comparison.NotEqual => actual != Value,
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
