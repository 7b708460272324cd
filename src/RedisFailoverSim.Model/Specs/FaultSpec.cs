using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>One scheduled fault.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="At">When it starts.</param>
/// <param name="Duration">How long until it heals (null = never, for a crash without restart).</param>
/// <param name="Target">What it hits.</param>
/// <param name="ExtraLatency">
/// For <see cref="FaultKind.SlowAz"/>: the one-way delay added per message; for <see cref="FaultKind.LogSlowReplica"/>
/// and <see cref="FaultKind.LogBrownout"/>: the delay added to each answer of a log replica.
/// </param>
/// <param name="RateMultiplier">For <see cref="FaultKind.TrafficBurst"/>: the traffic factor.</param>
/// <param name="SourceLine">The scenario line it came from (for messages), or 0.</param>
/// <param name="Option">For <see cref="FaultKind.ClusterFailover"/>: FORCE, TAKEOVER or neither.</param>
/// <param name="LossRate">For <see cref="FaultKind.LogPacketLoss"/>: the chance that one transmission is lost (0-1).</param>
/// <param name="RetransmitAfter">
/// For <see cref="FaultKind.LogPacketLoss"/>: when a lost transmission is first sent again (ASSUMPTION A166, 200 ms by
/// default), a retransmission lost again after twice as long, and so on.
/// </param>
/// <param name="DropRate">For <see cref="FaultKind.LogBrownout"/>: the fraction of appends the log drops (0-1).</param>
public sealed record FaultSpec(
    FaultKind Kind,
    SimTime At,
    SimDuration? Duration,
    FaultTarget Target,
    SimDuration ExtraLatency = default,
    double RateMultiplier = 1.0,
    int SourceLine = 0,
    ManualFailoverOption Option = ManualFailoverOption.Default,
    double LossRate = 0,
    double DropRate = 0,
    SimDuration RetransmitAfter = default)
{
    /// <summary>When the fault heals, or null if it never does.</summary>
    public SimTime? HealsAt => Duration is { } d ? At + d : null;
}
