using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Reporting;

/// <summary>
/// Everything one <c>rfsim run</c> produced, as the report writers see it: the scenario's identity, the
/// seed and tool that reproduce it, one result per path and the verdict on each <c>expect:</c> claim.
/// Writers read only this record (the Reporting layer reads only result records, never the model).
/// </summary>
/// <param name="ScenarioName">The scenario's <c>name:</c>.</param>
/// <param name="ScenarioDescription">The scenario's <c>description:</c>.</param>
/// <param name="ScenarioSha256">Lower-case hex SHA-256 of the scenario file's bytes.</param>
/// <param name="ScenarioSourcePath">The scenario file as given on the command line (only its file name is written to files).</param>
/// <param name="Seed">The master seed of every path's run.</param>
/// <param name="Tool">The tool's name, version and commit.</param>
/// <param name="Paths">One result per path that ran, in report order.</param>
/// <param name="Expectations">The verdict on each <c>expect:</c> claim, in file order.</param>
public sealed record RunReport(
    string ScenarioName,
    string ScenarioDescription,
    string ScenarioSha256,
    string ScenarioSourcePath,
    ulong Seed,
    ToolInfo Tool,
    IReadOnlyList<PathResult> Paths,
    IReadOnlyList<ExpectationOutcome> Expectations)
{
    /// <summary>
    /// The world the paths ran on, for the report's "scenario in words" and the settings in force; null when the
    /// caller does not have it (the report then describes the run from its results alone).
    /// </summary>
    public WorldSpec? World { get; init; }

    /// <summary>
    /// Each path's month of cost (the scenario's <c>month:</c> priced from <see cref="Prices"/>), in path order; null
    /// when the scenario has no <c>month:</c>.
    /// </summary>
    public IReadOnlyList<Cost.PathCost>? Costs { get; init; }

    /// <summary>The price table the costs were computed with.</summary>
    public Scenarios.Prices.PriceCatalog? Prices { get; init; }

    /// <summary>The month the costs stand for.</summary>
    public Scenarios.Cost.MonthWorkload? Month { get; init; }

    /// <summary>The four questions answered with this run's numbers, when it has costs.</summary>
    public Decision.Recommendation? Recommendation { get; init; }
}
