namespace RedisFailoverSim.Scenarios.Prices;

/// <summary>A region's prices, validated: every price names a known source, node prices a known node type.</summary>
/// <param name="File">The file it was read from (for messages and reports).</param>
/// <param name="Region">The AWS region, e.g. <c>us-east-1</c>.</param>
/// <param name="HoursPerMonth">Hours in a billed month (AWS's calculators use 730).</param>
/// <param name="Sources">Every source, in file order.</param>
/// <param name="NodeTypes">Node and instance types, in file order.</param>
/// <param name="Prices">Every price, in file order.</param>
public sealed record PriceCatalog(
    string File,
    string Region,
    double HoursPerMonth,
    IReadOnlyList<PriceSource> Sources,
    IReadOnlyList<NodeType> NodeTypes,
    IReadOnlyList<Price> Prices)
{
    /// <summary>The price of an item, or null when the table has none.</summary>
    public Price? Find(string item, string? type = null, string? engine = null, string? term = null) =>
        Prices.FirstOrDefault(p => p.Item == item
            && (type is null || p.Type == type)
            && (engine is null || p.Engine is null || p.Engine == engine)
            && (term is null || p.Term == term));

    /// <summary>A node type by name, or null.</summary>
    public NodeType? Node(string name) => NodeTypes.FirstOrDefault(n => n.Name == name);

    /// <summary>The priced node types of an item, smallest memory first (for sizing).</summary>
    public IReadOnlyList<NodeType> PricedTypes(string item, string? engine) =>
        NodeTypes
            .Where(n => Prices.Any(p => p.Item == item && p.Type == n.Name && (engine is null || p.Engine is null || p.Engine == engine)
                && p.Term == PriceItems.OnDemand))
            .OrderBy(n => n.MemoryGib)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
}
