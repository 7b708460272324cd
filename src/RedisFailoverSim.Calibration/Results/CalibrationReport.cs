using RedisFailoverSim.Calibration.Real;

namespace RedisFailoverSim.Calibration.Results;

/// <summary>A calibration: the same scenario run by the model (N seeds) and for real (N runs), side by side.</summary>
/// <param name="ScenarioName">The scenario's name.</param>
/// <param name="ScenarioSha256">The scenario file's SHA-256, or null for a world built in code.</param>
/// <param name="RedisVersion">What <c>redis-server --version</c> said.</param>
/// <param name="RatePerClientRequested">The scenario's writes per second per client.</param>
/// <param name="RatePerClientUsed">The rate both sides ran (scaled down to the machine's cap when needed).</param>
/// <param name="Rows">The comparison, one row per metric.</param>
/// <param name="Model">The model's runs, by seed.</param>
/// <param name="Real">The real runs, in order.</param>
/// <param name="Agrees">True when every judged row is within its tolerance and every real run converged.</param>
/// <param name="Notes">What the reader must know: scaling, what the model leaves out here, runs that did not converge.</param>
public sealed record CalibrationReport(
    string ScenarioName,
    string? ScenarioSha256,
    string RedisVersion,
    double RatePerClientRequested,
    double RatePerClientUsed,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<RunMetrics> Model,
    IReadOnlyList<RunMetrics> Real,
    bool Agrees,
    IReadOnlyList<string> Notes)
{
    /// <summary>The details of each real run (faults, Sentinel events, roles, writes) for the JSON and CSV files.</summary>
    internal IReadOnlyList<RealRunResult> RealDetails { get; init; } = [];

    /// <summary>True for a Redis Cluster calibration (no Sentinel: the promotion is its failover time).</summary>
    public bool IsCluster { get; init; }

    /// <summary>The network the model ran, measured on the test bed by the real runs (null when none measured).</summary>
    public TestBedNetwork? TestBed { get; init; }

    /// <summary>The model's writes of its first seed, for the per-write CSV (null when not kept).</summary>
    internal Model.Metrics.WriteSamples? ModelSamples { get; init; }

    /// <summary>The model's node names (index order), to name <see cref="ModelSamples"/>' acknowledging nodes.</summary>
    internal IReadOnlyList<string> ModelNodes { get; init; } = [];

    /// <summary>The model's client names, to name <see cref="ModelSamples"/>' clients.</summary>
    internal IReadOnlyList<string> ModelClients { get; init; } = [];
}
