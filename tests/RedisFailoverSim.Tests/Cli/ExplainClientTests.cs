using RedisFailoverSim.Model.Catalog;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// 'rfsim explain client &lt;library&gt;' (issue 18 item 2): every profile prints each key with its value and source;
/// an unknown library is refused with the closest name and exit 2.
/// </summary>
public sealed class ExplainClientTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public static TheoryData<string> Libraries => new(ClientLibraries.Ids);

    public void Dispose() => _cli.Dispose();

    [Theory]
    [MemberData(nameof(Libraries))]
    public void ExplainClient_EveryLibrary_PrintsEachKeyWithItsValueAndSource(string id)
    {
        Assert.True(ClientLibraries.TryFind(id, out var library));

        int exit = _cli.Run("explain", "client", id);

        string text = _cli.Out.ToString();
        Assert.Equal(0, exit);
        Assert.StartsWith($"client library {library.Name} ({id}), {library.Version}\n", text, StringComparison.Ordinal);
        Assert.Contains($"Calibration: {library.Calibration}\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        foreach (var fact in library.Facts)
        {
            Assert.Single(lines, l => l.StartsWith(fact.Key + " ", StringComparison.Ordinal)
                && l.Contains(" " + fact.Value + " ", StringComparison.Ordinal)
                && l.EndsWith("  " + fact.Source, StringComparison.Ordinal));
        }

        Assert.Equal("", _cli.Error.ToString());
    }

    [Fact]
    public void ExplainClient_UnknownLibrary_SuggestsTheClosestAndExitsTwo()
    {
        int exit = _cli.Run("explain", "client", "letuce");

        Assert.Equal(2, exit);
        Assert.StartsWith("unknown client library 'letuce'; did you mean 'lettuce'? (known: stackexchange-redis, redis-py, ",
            _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _cli.Out.ToString());
    }
}
