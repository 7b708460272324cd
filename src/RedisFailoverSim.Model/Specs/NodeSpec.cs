namespace RedisFailoverSim.Model.Specs;

/// <summary>A Redis/Valkey node.</summary>
/// <param name="Name">Unique name, e.g. <c>n1</c>.</param>
/// <param name="Az">The AZ it runs in.</param>
/// <param name="InitialPrimary">True for the one node that starts as primary.</param>
/// <param name="ReplicaPriority">
/// <c>replica-priority</c>: lower is preferred by Sentinel; 0 = never promoted (docs/sources.md §1.6, default 100).
/// </param>
public sealed record NodeSpec(string Name, string Az, bool InitialPrimary, int ReplicaPriority = 100);
