using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The workload's rate multiplier over time: the scenario's phases (with linear ramps) times any traffic
/// burst in force. Shared by all clients of a run.
/// </summary>
public sealed class TrafficShape
{
    private readonly IReadOnlyList<RatePhase> _phases;

    /// <summary>Creates the shape from the workload's phases.</summary>
    public TrafficShape(IReadOnlyList<RatePhase> phases)
    {
        _phases = phases;
    }

    /// <summary>The factor of bursts in force (a fault sets it).</summary>
    public double BurstMultiplier { get; set; } = 1.0;

    /// <summary>The rate multiplier at an instant.</summary>
    public double MultiplierAt(SimTime t)
    {
        double factor = 1.0;
        for (int i = 0; i < _phases.Count; i++)
        {
            var phase = _phases[i];
            if (t < phase.At)
            {
                break;
            }

            var intoPhase = t - phase.At;
            if (phase.RampDuration.Nanoseconds > 0 && intoPhase < phase.RampDuration)
            {
                double fraction = intoPhase.Nanoseconds / (double)phase.RampDuration.Nanoseconds;
                factor += (phase.RateMultiplier - factor) * fraction;
            }
            else
            {
                factor = phase.RateMultiplier;
            }
        }

        return factor * BurstMultiplier;
    }
}
