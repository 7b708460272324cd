using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>One scheduled fault.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="At">When it starts.</param>
/// <param name="Duration">How long until it heals (null = never, for a crash without restart).</param>
/// <param name="Target">What it hits.</param>
/// <param name="ExtraLatency">For <see cref="FaultKind.SlowAz"/>: the one-way delay added per message.</param>
/// <param name="RateMultiplier">For <see cref="FaultKind.TrafficBurst"/>: the traffic factor.</param>
/// <param name="SourceLine">The scenario line it came from (for messages), or 0.</param>
/// <param name="Option">For <see cref="FaultKind.ClusterFailover"/>: FORCE, TAKEOVER or neither.</param>
public sealed record FaultSpec(
    FaultKind Kind,
    SimTime At,
    SimDuration? Duration,
    FaultTarget Target,
    SimDuration ExtraLatency = default,
    double RateMultiplier = 1.0,
    int SourceLine = 0,
    ManualFailoverOption Option = ManualFailoverOption.Default)
{
    /// <summary>When the fault heals, or null if it never does.</summary>
    public SimTime? HealsAt => Duration is { } d ? At + d : null;
}
