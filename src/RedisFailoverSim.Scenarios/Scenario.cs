using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Scenarios;

/// <summary>A loaded, validated scenario file.</summary>
/// <param name="Name">Scenario name (the file's <c>name:</c>).</param>
/// <param name="Description">One or more sentences saying what it shows.</param>
/// <param name="SourcePath">The file it came from.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes, for reproducibility.</param>
/// <param name="DefaultSeed">The file's <c>seed:</c>, used when the command line gives none.</param>
/// <param name="World">The world to simulate.</param>
/// <param name="Paths">The paths the file asks for (all four when it names none).</param>
/// <param name="Expectations">The <c>expect:</c> claims, in file order.</param>
public sealed record Scenario(
    string Name,
    string Description,
    string SourcePath,
    string Sha256,
    ulong? DefaultSeed,
    WorldSpec World,
    IReadOnlyList<string> Paths,
    IReadOnlyList<Expectation> Expectations)
{
    /// <summary>A month of the workload for sizing and cost (<c>month:</c>), or null when the file has none.</summary>
    public Cost.MonthWorkload? Month { get; init; }

    /// <summary>The team's answers for <c>rfsim decide</c> (<c>decide:</c>), or null when the file has none.</summary>
    public Cost.DecideInputs? Decide { get; init; }
}
