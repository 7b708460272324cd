namespace RedisFailoverSim.Reporting.Cost;

/// <summary>
/// One path's month: the node type sizing chose, the bill's lines and the totals on demand and reserved. A path
/// the table cannot price (no node type fits, a price is missing) has no totals and says why in <see cref="Unpriced"/>.
/// </summary>
/// <param name="Path">The deployment path.</param>
/// <param name="NodeType">The node or instance type sizing chose (null for Serverless).</param>
/// <param name="NodeCount">Nodes billed (the scenario's topology).</param>
/// <param name="Lines">The bill, line by line.</param>
/// <param name="Unpriced">Why the path has no total, or null.</param>
public sealed record PathCost(string Path, string? NodeType, int NodeCount, IReadOnlyList<CostLine> Lines, string? Unpriced)
{
    /// <summary>Engineer time a month (self-hosted only, assumption A59), not part of the totals.</summary>
    public double? EngineerMonthly { get; init; }

    /// <summary>Why this node type: memory and throughput against the month's data and peak.</summary>
    public string Sizing { get; init; } = "";

    /// <summary>Cross-AZ gigabytes a month (both directions counted once).</summary>
    public double CrossAzGb { get; init; }

    /// <summary>True when <see cref="CrossAzGb"/> comes from the run's network (A115), false for the A60 estimate.</summary>
    public bool CrossAzMeasured { get; init; }

    /// <summary>
    /// False for a path priced from the scenario alone because it cannot run it (a <c>cluster:</c> scenario on a
    /// managed path, A100): its bill is the cluster's, its acknowledged-write loss unknown.
    /// </summary>
    public bool Simulated { get; init; } = true;

    /// <summary>The month with nodes on demand, or null when unpriced.</summary>
    public double? OnDemandMonthly => Total(CostTerm.OnDemand);

    /// <summary>The month with nodes reserved for 3 years all upfront (null for Serverless, which has no reservations).</summary>
    public double? ReservedMonthly => Lines.Any(l => l.Term == CostTerm.Reserved) ? Total(CostTerm.Reserved) : null;

    /// <summary>The cheaper of the two: what a buyer committed to the workload pays.</summary>
    public double? BestMonthly => ReservedMonthly ?? OnDemandMonthly;

    /// <summary>True when any line's price is an assumption rather than a sourced figure.</summary>
    public bool UsesAssumedPrices => Lines.Any(l => l.Price.IsAssumption);

    private double? Total(CostTerm term) =>
        Unpriced is not null ? null : Lines.Where(l => l.Term == CostTerm.Always || l.Term == term).Sum(l => l.Monthly);
}
