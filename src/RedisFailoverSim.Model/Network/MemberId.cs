namespace RedisFailoverSim.Model.Network;

/// <summary>Index of a member (node, Sentinel, client or service) in its world; arrays are indexed by it.</summary>
/// <param name="Value">The index.</param>
public readonly record struct MemberId(int Value)
{
    /// <summary>No member.</summary>
    public static MemberId None => new(-1);

    /// <summary>True unless this is <see cref="None"/>.</summary>
    public bool IsSome => Value >= 0;
}
