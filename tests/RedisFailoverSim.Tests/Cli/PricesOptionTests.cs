namespace RedisFailoverSim.Tests.Cli;

/// <summary><c>--prices FILE</c>: a bad table stops the command before any simulation, with file:line, exit 2.</summary>
public sealed class PricesOptionTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Run_BadPriceFile_ExitsTwoWithFileAndLineAndRunsNothing()
    {
        var prices = Path.Combine(_cli.Root, "p.yaml");
        File.WriteAllText(prices, "region: us-east-1\nsources: {}\nprices:\n  - {item: ec2-instance, price: 1, unit: usd-per-hour, source: s1}\n");

        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--prices", prices);

        Assert.Equal(2, exit);
        Assert.Empty(_cli.Runs);
        Assert.Contains($"{prices}:4:5: prices[0]: missing 'type' (a node type listed under node-types)", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingPriceFile_ExitsTwo()
    {
        var exit = _cli.Run("run", _cli.ScenarioFile, "--out", _cli.OutputPath(), "--prices", "nope.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml: no such price file", _cli.Error.ToString(), StringComparison.Ordinal);
    }
}
