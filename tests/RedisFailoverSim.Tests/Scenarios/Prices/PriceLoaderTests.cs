using System.Text;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Tests.Scenarios.Prices;

/// <summary>Each rule of a price file, broken once, reported at its line (exit 2 through ScenarioException).</summary>
public class PriceLoaderTests
{
    private const string Minimal =
        "region: us-east-1\n"
        + "sources:\n"
        + "  s1: {url: https://example.org/p, read: 2026-12-03, status: sourced, says: a test source}\n"
        + "node-types:\n"
        + "  - {name: cache.r7g.large, memory-gib: 13.07, source: s1}\n"
        + "prices:\n"
        + "  - {item: elasticache-node, type: cache.r7g.large, engine: valkey, term: on-demand, price: 0.2, unit: usd-per-hour, source: s1}\n";

    [Fact]
    public void Parse_Minimal_ReadsThePrice()
    {
        var table = PriceLoader.Parse(Encoding.UTF8.GetBytes(Minimal), "p.yaml");

        var price = Assert.Single(table.Prices);
        Assert.Equal(0.2, price.PerHour);
        Assert.Equal(7, price.Line);
        Assert.Equal(730, table.HoursPerMonth);
    }

    public static TheoryData<string, string, int, int, string> Mistakes() => new()
    {
        { "unit: usd-per-hour, source: s1}", "unit: usd-per-hour, source: s2}", 7, 126, "prices[0].source: no source 's2' under sources (every price and node type names where it comes from); did you mean 's1'?" },
        { "unit: usd-per-hour", "unit: usd-per-gb", 7, 104, "prices[0].unit: expected one of usd-per-hour, usd-per-year; found 'usd-per-gb'" },
        { "type: cache.r7g.large, engine", "type: cache.r7g.larg, engine", 7, 36, "prices[0].type: 'cache.r7g.larg' is not listed under node-types (its memory is needed for sizing); did you mean 'cache.r7g.large'?" },
        { "term: on-demand", "term: reserved", 7, 75, "prices[0].term: expected one of on-demand, reserved-1y-no-upfront, reserved-1y-partial-upfront, reserved-1y-all-upfront, reserved-3y-no-upfront, reserved-3y-partial-upfront, reserved-3y-all-upfront; found 'reserved'" },
        { "price: 0.2", "price: cheap", 7, 93, "prices[0].price: expected a number; found 'cheap'" },
        { "read: 2026-12-03", "read: yesterday", 3, 42, "sources.s1.read: expected the date it was read, YYYY-MM-DD; found 'yesterday'" },
        { "memory-gib: 13.07, ", "", 5, 5, "node-types[0]: missing 'memory-gib' (a number)" },
        { "engine: valkey, term", "engine: valkey, colour: red, term", 7, 69, "prices[0]: unknown key 'colour'; allowed: item, type, engine, term, price, unit, source, minimum-gb, free-gb-per-month, note" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Parse_OneMistake_OneProblemAtItsLine(string find, string replace, int line, int column, string message)
    {
        var text = Minimal.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => PriceLoader.Parse(Encoding.UTF8.GetBytes(text), "p.yaml"));

        Assert.Equal(new ScenarioProblem("p.yaml", line, column, message), Assert.Single(error.Problems));
    }

    [Fact]
    public void Parse_SamePriceTwice_NamesTheFirstLine()
    {
        var text = Minimal + "  - {item: elasticache-node, type: cache.r7g.large, engine: valkey, term: on-demand, price: 0.3, unit: usd-per-hour, source: s1}\n";

        var error = Assert.Throws<ScenarioException>(() => PriceLoader.Parse(Encoding.UTF8.GetBytes(text), "p.yaml"));

        Assert.Equal("p.yaml:8:12: prices[1].item: the same price is given twice (first on line 7)", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var error = Assert.Throws<ScenarioException>(() => PriceLoader.Load("no/such/prices.yaml"));

        Assert.Equal("no/such/prices.yaml: no such price file", Assert.Single(error.Problems).ToString());
    }
}
