namespace RedisFailoverSim.Scenarios.Prices;

/// <summary>How far a price can be trusted: the status its source gives it.</summary>
public enum PriceStatus
{
    /// <summary>AWS documentation, or AWS's own price list as captured by a named repository.</summary>
    Sourced,

    /// <summary>A blog post or public table, not an AWS page.</summary>
    ThirdParty,

    /// <summary>Arithmetic on a cited price and a cited ratio.</summary>
    Derived,

    /// <summary>No source found: an assumption with an id (printed as one).</summary>
    Assumption,
}
