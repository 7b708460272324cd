using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// The open write stream: each client issues writes on its own schedule whatever happens to earlier writes
/// (no coordinated omission). Every write adds a unique element to a set, as in Jepsen's set workload.
/// </summary>
/// <param name="RatePerClient">Writes per second per client (times its <see cref="ClientSpec.RateMultiplier"/>).</param>
/// <param name="Arrival">Constant spacing or Poisson.</param>
/// <param name="Duration">How long clients write, from time zero.</param>
/// <param name="ValueBytes">Bytes per written value.</param>
/// <param name="Phases">Optional rate changes over time (e.g. a burst); empty means a flat rate.</param>
public sealed record WorkloadSpec(
    double RatePerClient,
    ArrivalProcess Arrival,
    SimDuration Duration,
    int ValueBytes,
    IReadOnlyList<RatePhase> Phases)
{
    /// <summary>The keys written (they matter only to a cluster, which routes each by its slot).</summary>
    public KeySpaceSpec Keys { get; init; } = KeySpaceSpec.Default;

    /// <summary>WAIT or WAITAOF after a share of the writes (null: none), docs/sources.md §16.4.</summary>
    public WaitSpec? Wait { get; init; }
}

/// <summary>From <paramref name="At"/> on, the rate is multiplied by <paramref name="RateMultiplier"/>.</summary>
/// <param name="At">When the phase starts.</param>
/// <param name="RateMultiplier">Factor applied to the base rate.</param>
/// <param name="RampDuration">Linear ramp from the previous factor to this one (zero = a step).</param>
public sealed record RatePhase(SimTime At, double RateMultiplier, SimDuration RampDuration);
