namespace RedisFailoverSim.Reporting.Decision;

/// <summary>What the run's numbers say about a practitioners' claim.</summary>
public enum Verdict
{
    /// <summary>The numbers agree with the claim.</summary>
    Agrees,

    /// <summary>The numbers contradict it.</summary>
    Contradicts,

    /// <summary>The numbers cannot check it (an input, or an assumed price).</summary>
    NotChecked,
}
