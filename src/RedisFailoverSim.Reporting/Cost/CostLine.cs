using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>One line of a path's monthly bill: a quantity times a unit price from the price table.</summary>
/// <param name="Name">What is billed, e.g. <c>3 x cache.r7g.4xlarge on-demand</c>.</param>
/// <param name="Quantity">The month's quantity (node-hours, GB-hours, million ECPUs, GB).</param>
/// <param name="Unit">The quantity's unit.</param>
/// <param name="UnitPrice">US dollars per unit.</param>
/// <param name="Term">Which total it belongs to.</param>
/// <param name="Price">The price table's entry (its source and status).</param>
public sealed record CostLine(string Name, double Quantity, string Unit, double UnitPrice, CostTerm Term, Price Price)
{
    /// <summary>US dollars a month.</summary>
    public double Monthly => Quantity * UnitPrice;
}
