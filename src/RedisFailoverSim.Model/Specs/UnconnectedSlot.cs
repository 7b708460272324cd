namespace RedisFailoverSim.Model.Specs;

/// <summary>Where a cluster client sends a write whose slot's primary has no connected connection.</summary>
public enum UnconnectedSlot
{
    /// <summary>
    /// To any connected primary, which answers -MOVED or -CLUSTERDOWN (StackExchange.Redis's
    /// <c>ServerSelectionStrategy.Select</c>, docs/sources.md §3.11).
    /// </summary>
    AnyPrimary,

    /// <summary>Nowhere yet: the write waits in the client's backlog for the slot's connection.</summary>
    Wait,
}
