using System.Text.RegularExpressions;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Reporting.Explain;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Cli;

/// <summary><c>rfsim explain</c> points at docs/sources.md, and <c>--source n</c> prints its section from the tool.</summary>
public sealed class ExplainSourceTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void ExplainSource_SentinelDefaults_PrintsSection21Only()
    {
        var exit = _cli.Run("explain", "--source", "2.1");

        Assert.Equal(0, exit);
        var text = _cli.Out.ToString().ReplaceLineEndings("\n");
        Assert.StartsWith("### §2.1 Parameters and defaults\n", text, StringComparison.Ordinal);
        // sentinel.c's sentinel_default_down_after, the 30 s every self-hosted run starts from.
        Assert.Contains("| `down-after-milliseconds` | 30000 ms | `sentinel.c` l.68", text, StringComparison.Ordinal);
        Assert.DoesNotContain("§2.2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainSource_UnknownSection_ExitsTwoListingTheSections()
    {
        var exit = _cli.Run("explain", "--source", "§99");

        Assert.Equal(2, exit);
        Assert.StartsWith("docs/sources.md has no section §99 (sections: 1, 1.1, 1.2,", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _cli.Out.ToString());
    }

    [Fact]
    public void Explain_SelfHosted_SaysWhereTheSectionsAre()
    {
        _cli.Run("explain", "self-hosted");

        var text = _cli.Out.ToString().ReplaceLineEndings("\n");
        Assert.Contains("(§n is a section of docs/sources.md in the repository", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"FACTS|ANCHORS|shared/"), text);
    }

    [Theory]
    [InlineData("memorydb", "With a cluster: section: Amazon MemoryDB with several shards.", "A150")]
    [InlineData("serverless", "With a cluster: section: ElastiCache Serverless with the scenario's shards behind its proxies.", "A152")]
    public void Explain_ManagedPathWithShards_SaysWhatACluster_SectionRunsAndItsAssumption(string path, string model, string assumption)
    {
        _cli.Run("explain", path);

        var text = string.Join(" ", _cli.Out.ToString().ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()));
        Assert.Contains(model, text, StringComparison.Ordinal);
        Assert.Contains(assumption + ":", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddedSources_AreTheRepositoryFile_AndHoldEveryCatalogCitation()
    {
        var file = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "sources.md")).ReplaceLineEndings("\n");
        Assert.True(SourcesDocument.TrySection("1", out var first));
        Assert.Contains(first.TrimEnd(), file, StringComparison.Ordinal);

        var cited = ModelDefaults.All.Concat(AwsPathDefaults.All).Select(d => d.Source)
            .Concat(Assumptions.All.Select(a => a.Text))
            .SelectMany(s => Regex.Matches(s, @"sources\.md §(\d+(?:\.\d+)*)").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.Contains("2.1", cited);
        Assert.All(cited, id => Assert.True(SourcesDocument.TrySection(id, out _), $"§{id} is cited but has no section"));
    }
}
