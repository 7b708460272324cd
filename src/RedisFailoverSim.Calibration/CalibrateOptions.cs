namespace RedisFailoverSim.Calibration;

/// <summary>The options of <c>rfsim calibrate</c>, as the command line gives them.</summary>
/// <param name="ScenarioPath">The scenario YAML file.</param>
/// <param name="Runs"><c>--runs N</c>: real runs, and model seeds unless <paramref name="ModelSeeds"/> says otherwise (default 3).</param>
/// <param name="RedisServerPath"><c>--redis-server PATH</c>; default: redis-server or valkey-server on PATH.</param>
/// <param name="RedisSentinelPath"><c>--redis-sentinel PATH</c>; default: redis-sentinel or valkey-sentinel on PATH.</param>
/// <param name="PortBase"><c>--port-base P</c>: first port tried on 127.0.0.1 (default 26400, far from 6379 and 26379).</param>
/// <param name="Seed"><c>--seed N</c>: first model seed; default the scenario's <c>seed:</c>, else 1.</param>
/// <param name="OutDir"><c>--out DIR</c>; default <c>out/&lt;scenario-name&gt;/calibration</c>.</param>
/// <param name="ModelSeeds"><c>--model-seeds M</c>: model runs; default max(N, 10), since model runs cost milliseconds.</param>
/// <param name="MaxWriteRate"><c>--max-write-rate R</c>: cap on the real write rate, all clients (default 500/s).</param>
/// <param name="ClientLibrary"><c>--client LIB</c>: the client library to drive (default stackexchange-redis).</param>
public sealed record CalibrateOptions(
    string ScenarioPath,
    int Runs = 3,
    string? RedisServerPath = null,
    string? RedisSentinelPath = null,
    int PortBase = 26400,
    ulong? Seed = null,
    string? OutDir = null,
    int? ModelSeeds = null,
    double MaxWriteRate = 500,
    string ClientLibrary = "stackexchange-redis")
{
    /// <summary>Test hook: changes the world the model side runs (see <see cref="CalibrationSettings.ModelWorld"/>).</summary>
    internal Func<Model.Specs.WorldSpec, Model.Specs.WorldSpec>? ModelWorld { get; init; }
}
