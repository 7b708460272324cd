namespace RedisFailoverSim.Model.World;

/// <summary>
/// Which AZs are without power (an AZ power interruption in progress), so a managed control plane can hold a
/// replacement until the AZ is back (docs/sources.md §4.2). Interruptions nest: each needs its own restore.
/// </summary>
public sealed class AzPowerState
{
    private readonly int[] _interruptions;

    /// <summary>Creates the state for <paramref name="azCount"/> AZs, all powered.</summary>
    public AzPowerState(int azCount)
    {
        _interruptions = new int[azCount];
    }

    /// <summary>True while the AZ has no power.</summary>
    public bool IsOff(int azIndex) => azIndex >= 0 && _interruptions[azIndex] > 0;

    /// <summary>An interruption of the AZ starts.</summary>
    public void Interrupt(int azIndex) => _interruptions[azIndex]++;

    /// <summary>An interruption of the AZ ends.</summary>
    public void Restore(int azIndex)
    {
        Engine.Invariant.Holds(_interruptions[azIndex] > 0);
        _interruptions[azIndex]--;
    }
}
