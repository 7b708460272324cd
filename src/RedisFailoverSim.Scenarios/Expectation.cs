using System.Globalization;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Scenarios;

/// <summary>
/// One checkable claim from a scenario's <c>expect:</c> block, e.g. <c>self-hosted: { acknowledgedLost: "&gt; 0" }</c>.
/// </summary>
/// <param name="Path">The path it is about.</param>
/// <param name="Metric">The metric's results.json name, e.g. <c>acknowledgedLost</c>.</param>
/// <param name="Operator">How to compare.</param>
/// <param name="Value">The number to compare with; with <see cref="RelativeTo"/>, the factor of the other path's value.</param>
/// <param name="Text">The claim as written, for messages.</param>
/// <param name="Line">Its line in the file.</param>
public sealed record Expectation(string Path, string Metric, Comparison Operator, double Value, string Text, int Line)
{
    /// <summary>
    /// The path whose value of the same metric, times <see cref="Value"/>, is compared with (<c>"&lt; 0.6x memorydb"</c>),
    /// or null for a plain number.
    /// </summary>
    public string? RelativeTo { get; init; }

    /// <summary>
    /// Checks the claim against the run of its path. A metric the run does not have (a failover duration when no
    /// failover happened, a latency when nothing was acknowledged) fails the claim and says why; the counts and
    /// <c>failoverCount</c> always have a value.
    /// </summary>
    /// <exception cref="ArgumentException">The result is of another path.</exception>
    public ExpectationResult Evaluate(PathResult result) => Evaluate(result, new ClaimValues([result]));

    /// <summary>
    /// Checks the claim against the run of its path, reading costs and, for a relative claim, the other path's value
    /// from <paramref name="values"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The result is of another path.</exception>
    public ExpectationResult Evaluate(PathResult result, ClaimValues values)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(values);
        if (result.Path != Path)
        {
            throw new ArgumentException($"the claim is about '{Path}' but the result is of '{result.Path}'", nameof(result));
        }

        var claim = $"{Path} {Metric} {Text}";
        var actual = values.Read(Path, Metric);
        if (actual is not { } value)
        {
            return new ExpectationResult(this, false, null, $"{claim}: failed ({ScenarioMetrics.WhyAbsent(result, Metric)})");
        }

        double threshold = Value;
        double? compared = null;
        string other = "";
        if (RelativeTo is { } path)
        {
            if (values.Read(path, Metric) is not { } theirs)
            {
                var why = values.Result(path) is { } their ? ScenarioMetrics.WhyAbsent(their, Metric) : $"{path} did not run";
                return new ExpectationResult(this, false, value, $"{claim}: failed ({path}: {why})");
            }

            threshold = Value * theirs;
            compared = theirs;
            other = $"; {path} {Format(theirs)}";
        }

        var held = Holds(value, threshold);
        var verdict = held ? "held" : "failed";
        return new ExpectationResult(this, held, value, $"{claim}: {verdict} (actual {Format(value)}{other})") { Compared = compared };
    }

    /// <summary>True when <paramref name="actual"/> satisfies the comparison.</summary>
    public bool Holds(double actual) => Holds(actual, Value);

    private bool Holds(double actual, double threshold) => Operator switch
    {
        Comparison.Less => actual < threshold,
        Comparison.LessOrEqual => actual <= threshold,
        Comparison.Greater => actual > threshold,
        Comparison.GreaterOrEqual => actual >= threshold,
        Comparison.Equal => actual == threshold,
        Comparison.NotEqual => actual != threshold,
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
