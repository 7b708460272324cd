using RedisFailoverSim.Cli.Commands;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Reporting.Report;
using RedisFailoverSim.Scenarios.Reading;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// 'rfsim explain &lt;topic&gt;' (issue 16 item 6): an assumption, a scenario key or a client library, matched whatever
/// the case and punctuation; an unknown topic gets a did-you-mean and exit 2; keys are printed in the loader's
/// spelling, the one a scenario file takes.
/// </summary>
public sealed class ExplainTopicTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("A45")]
    [InlineData("a45")]
    [InlineData("A-45")]
    public void Assumption_AnySpelling_PrintsItsTextDefaultAndKey(string topic)
    {
        var a45 = Assumptions.All.Single(a => a.Id == "A45");

        var text = Explain(topic);

        Assert.StartsWith($"assumption A45 (paths: {a45.Paths})\n", text, StringComparison.Ordinal);
        Assert.Contains($"default: {a45.DefaultValue}\n", text, StringComparison.Ordinal);
        Assert.Contains("scenario key: client.offline-queue, client.reconnect-base, client.pool-size\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client.reconnect-base")]
    [InlineData("reconnect-base")]
    [InlineData("reconnect_base")]
    [InlineData("Client.Reconnect_Base")]
    public void Key_EitherSpelling_PrintsTheLoadersKeyWithItsDefaultsAndAssumptions(string topic)
    {
        var text = Explain(topic);

        Assert.StartsWith("scenario key client.reconnect-base\n", text, StringComparison.Ordinal);
        Assert.Contains("In a scenario file: client: { reconnect-base: <value> }\n", text, StringComparison.Ordinal);
        Assert.Contains("  reconnect backoff: random in [2500 ms, ", text, StringComparison.Ordinal);
        Assert.Contains("  A45: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reconnect_base", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_AnySpelling_GivesTheSameText()
    {
        Assert.Equal(Explain("client.reconnect-base"), Explain("RECONNECT_BASE"));
        Assert.Equal(Explain("nodes[].replica-priority"), Explain("replica_priority"));
    }

    [Fact]
    public void Library_ByItself_IsItsProfile() =>
        Assert.Equal(Explain("client", "lettuce"), Explain("Lettuce"));

    [Fact]
    public void Path_AnyCase_IsThatPath() =>
        Assert.Equal(Explain("self-hosted"), Explain("Self_Hosted"));

    [Theory]
    [InlineData("self-hostd", "self-hosted")]
    [InlineData("reconect-base", "reconnect-base")]
    [InlineData("A455", "A45")]
    public void Unknown_SuggestsTheClosestTopicAndExitsTwo(string topic, string suggestion)
    {
        var exit = _cli.Run("explain", topic);

        Assert.Equal(2, exit);
        Assert.StartsWith($"unknown topic '{topic}'; did you mean '{suggestion}'?", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _cli.Out.ToString());
    }

    [Fact]
    public void Unknown_NothingClose_ListsWhatTopicsAre()
    {
        Assert.Equal(2, _cli.Run("explain", "zzzzzzzzzz"));

        Assert.Contains("(topics: elasticache, serverless, memorydb, self-hosted, client [library]", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKeyTheCatalogNames_IsOneTheLoaderAccepts()
    {
        var sections = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["redis"] = ScenarioKeys.Redis,
            ["sentinel"] = ScenarioKeys.Sentinel,
            ["client"] = ScenarioKeys.Client,
            ["network"] = ScenarioKeys.Network,
            ["workload"] = ScenarioKeys.Workload,
            ["cluster"] = ScenarioKeys.Cluster,
            ["month"] = ScenarioKeys.Month,
            ["decide"] = ScenarioKeys.Decide,
            ["nodes[]"] = ScenarioKeys.Node,
        };
        var keys = ExplainTopics.Keys();

        Assert.Contains("client.reconnect-base", keys);
        Assert.Contains("nodes[].replica-priority", keys);
        foreach (var key in keys)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var (section, leaf) = (key[..dot], key[(dot + 1)..]);
            if (sections.TryGetValue(section, out var allowed))
            {
                Assert.True(allowed.Contains(leaf), $"{key}: the loader has no '{leaf}' under '{section}:'");
            }
            else
            {
                // elasticache:, serverless:, memorydb: blocks are read into their settings record by the key's name.
                Assert.True(SettingsInForce.Value(key, SplitBrainStory.World()) is not null, $"{key}: no such setting");
            }
        }
    }

    [Fact]
    public void ExplainOfAPath_PrintsTheLoadersSpelling()
    {
        var text = string.Join(' ', Explain().Split('\n').Select(l => l.Trim()));

        Assert.Contains("scenario key nodes[].replica-priority", text, StringComparison.Ordinal);
        Assert.Contains("scenario key client.reconnect-base / client.reconnect-max", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reconnect_base", text, StringComparison.Ordinal);
        Assert.DoesNotContain("replica_priority", text, StringComparison.Ordinal);
    }

    private string Explain(params string[] topic)
    {
        _cli.Out.GetStringBuilder().Clear();
        Assert.Equal(0, _cli.Run(["explain", .. topic]));
        return _cli.Out.ToString().ReplaceLineEndings("\n");
    }
}
