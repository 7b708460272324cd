namespace RedisFailoverSim.Scenarios.Prices;

/// <summary>The vocabulary of a price file: what can be priced, in which units, under which terms.</summary>
public static class PriceItems
{
    /// <summary>An ElastiCache node-based node (per hour or year).</summary>
    public const string ElastiCacheNode = "elasticache-node";

    /// <summary>A MemoryDB node (per hour or year).</summary>
    public const string MemoryDbNode = "memorydb-node";

    /// <summary>An EC2 instance for self-hosted Redis / Valkey (per hour or year).</summary>
    public const string Ec2Instance = "ec2-instance";

    /// <summary>ElastiCache Serverless data stored (per GB-hour).</summary>
    public const string ServerlessStorage = "serverless-storage";

    /// <summary>ElastiCache Serverless ECPUs (per million).</summary>
    public const string ServerlessEcpu = "serverless-ecpu";

    /// <summary>MemoryDB data written (per GB).</summary>
    public const string MemoryDbDataWritten = "memorydb-data-written";

    /// <summary>Data crossing availability zones (per GB, each direction).</summary>
    public const string CrossAzTransfer = "cross-az-transfer";

    /// <summary>EBS gp3 volumes (per GB-month).</summary>
    public const string EbsGp3 = "ebs-gp3";

    /// <summary>US dollars per hour.</summary>
    public const string UsdPerHour = "usd-per-hour";

    /// <summary>US dollars per year (the source's annual cost).</summary>
    public const string UsdPerYear = "usd-per-year";

    /// <summary>The on-demand term.</summary>
    public const string OnDemand = "on-demand";

    /// <summary>The 3-year all-upfront reservation, the deepest discount.</summary>
    public const string Reserved3yAllUpfront = "reserved-3y-all-upfront";

    /// <summary>Engines a price may depend on.</summary>
    public static readonly string[] Engines = ["valkey", "redis-oss"];

    /// <summary>Purchase terms of node items.</summary>
    public static readonly string[] Terms =
    [
        OnDemand, "reserved-1y-no-upfront", "reserved-1y-partial-upfront", "reserved-1y-all-upfront",
        "reserved-3y-no-upfront", "reserved-3y-partial-upfront", Reserved3yAllUpfront,
    ];

    /// <summary>Every item with the units it may be given in.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Units = new SortedDictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ElastiCacheNode] = [UsdPerHour, UsdPerYear],
        [MemoryDbNode] = [UsdPerHour, UsdPerYear],
        [Ec2Instance] = [UsdPerHour, UsdPerYear],
        [ServerlessStorage] = ["usd-per-gb-hour"],
        [ServerlessEcpu] = ["usd-per-million"],
        [MemoryDbDataWritten] = ["usd-per-gb"],
        [CrossAzTransfer] = ["usd-per-gb"],
        [EbsGp3] = ["usd-per-gb-month"],
    };

    /// <summary>True for items priced per node or instance, which need a type and a term.</summary>
    public static bool IsNode(string item) => item is ElastiCacheNode or MemoryDbNode or Ec2Instance;

    /// <summary>True for items whose price depends on the engine.</summary>
    public static bool NeedsEngine(string item) =>
        item is ElastiCacheNode or MemoryDbNode or ServerlessStorage or ServerlessEcpu or MemoryDbDataWritten;
}
