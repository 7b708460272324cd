namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// What a fault hits. <see cref="Kind"/> says how to read the rest: the current primary (resolved per path when
/// the fault starts), a named member (node, Sentinel or client), an AZ, groups for a partition, or the
/// from/to sides of a one-way cut.
/// </summary>
/// <param name="Kind">How the target is chosen.</param>
/// <param name="Name">A member or AZ name, for <see cref="FaultTargetKind.Member"/> and <see cref="FaultTargetKind.Az"/>.</param>
/// <param name="Groups">
/// Partition groups as resolved member names (the Scenarios layer places each member by its own name first, then
/// by its AZ). For a one-way cut, group 0 → group 1; members in no group are not cut.
/// </param>
public sealed record FaultTarget(FaultTargetKind Kind, string? Name, IReadOnlyList<IReadOnlyList<string>> Groups)
{
    /// <summary>The node that is primary when the fault starts.</summary>
    public static FaultTarget Primary { get; } = new(FaultTargetKind.Primary, null, []);

    /// <summary>A named node, Sentinel or client.</summary>
    public static FaultTarget Member(string name) => new(FaultTargetKind.Member, name, []);

    /// <summary>An availability zone.</summary>
    public static FaultTarget Az(string name) => new(FaultTargetKind.Az, name, []);

    /// <summary>Partition groups (AZ or member names).</summary>
    public static FaultTarget Split(IReadOnlyList<IReadOnlyList<string>> groups) => new(FaultTargetKind.Groups, null, groups);

    /// <summary>Everything (for traffic bursts).</summary>
    public static FaultTarget Everything { get; } = new(FaultTargetKind.Everything, null, []);
}

/// <summary>How a <see cref="FaultTarget"/> is chosen.</summary>
public enum FaultTargetKind
{
    /// <summary>The node that is primary when the fault starts.</summary>
    Primary,

    /// <summary>A named node, Sentinel or client.</summary>
    Member,

    /// <summary>An availability zone.</summary>
    Az,

    /// <summary>Groups of AZs or members (partition, one-way: group 0 → group 1).</summary>
    Groups,

    /// <summary>The whole system.</summary>
    Everything,
}
