using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>
/// How a <see cref="ManagedControlPlane"/> behaves; each path fills it from its settings (ElastiCache: docs/sources.md §4,
/// Serverless: assumption A23).
/// </summary>
/// <param name="Label">The service's name in narration, e.g. <c>ElastiCache</c>.</param>
/// <param name="HealthCheckInterval">How often every node is checked.</param>
/// <param name="FailureDetection">How long a node must fail every check before it is declared failed.</param>
/// <param name="PromotionTime">From the decision to the promotion command reaching the chosen replica.</param>
/// <param name="EndpointUpdateDelay">From the promotion to the endpoint answering with the new primary.</param>
/// <param name="Fencing">What happens to a failed-over primary that may still run.</param>
/// <param name="FencingDelay">From the failover decision to the fencing (zero: before the promotion).</param>
/// <param name="ReplacementDelay">From a node's failure to its replacement's launch (held while its AZ has no power).</param>
/// <param name="PlannedFailoverTimeout">How long a coordinated failover waits for the replica to catch up.</param>
/// <param name="RepointBeforePlannedSwap">
/// True when clients cache the endpoint (DNS): a planned failover re-points it and lets it propagate before the
/// swap. False when the endpoint is a proxy route: it follows the swap at once.
/// </param>
public sealed record ControlPlaneOptions(
    string Label,
    SimDuration HealthCheckInterval,
    SimDuration FailureDetection,
    SimDuration PromotionTime,
    SimDuration EndpointUpdateDelay,
    Fencing Fencing,
    SimDuration FencingDelay,
    SimDuration ReplacementDelay,
    SimDuration PlannedFailoverTimeout,
    bool RepointBeforePlannedSwap);
