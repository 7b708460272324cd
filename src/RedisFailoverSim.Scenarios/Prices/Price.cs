using System.Diagnostics;

namespace RedisFailoverSim.Scenarios.Prices;

/// <summary>One price of a price file, with the source it came from and its line in the file.</summary>
/// <param name="Item">What is priced (<see cref="PriceItems"/>).</param>
/// <param name="Type">The node or instance type, for node items.</param>
/// <param name="Engine"><c>valkey</c> or <c>redis-oss</c>, where the price depends on it.</param>
/// <param name="Term"><c>on-demand</c> or a reservation (<see cref="PriceItems.Terms"/>), for node items.</param>
/// <param name="Value">The price in US dollars per <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit (<see cref="PriceItems.Units"/>).</param>
/// <param name="Source">Its source.</param>
/// <param name="Line">Its line in the price file.</param>
public sealed record Price(
    string Item, string? Type, string? Engine, string? Term, double Value, string Unit, PriceSource Source, int Line)
{
    /// <summary>Least metered storage, in GB (Serverless).</summary>
    public double? MinimumGb { get; init; }

    /// <summary>GB a month free before the price applies (MemoryDB data written on Valkey).</summary>
    public double? FreeGbPerMonth { get; init; }

    /// <summary>
    /// The hourly price of a node or instance. A yearly figure is the source's annual cost (a reservation's upfront
    /// fee over its years, or the hourly rate times 8,760), so it is divided by 8,760 hours.
    /// </summary>
    public double PerHour => Unit switch
    {
        PriceItems.UsdPerHour => Value,
        PriceItems.UsdPerYear => Value / 8760,
        _ => throw new UnreachableException($"{Item} is priced in {Unit}, not per hour"),
    };

    /// <summary>True when the price is an assumption rather than a sourced, third-party or derived figure.</summary>
    public bool IsAssumption => Source.Status == PriceStatus.Assumption;
}
