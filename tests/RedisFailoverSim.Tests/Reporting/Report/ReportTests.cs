using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Report;

namespace RedisFailoverSim.Tests.Reporting.Report;

public class ReportTests
{
    private static readonly RunReport Story = ReportFixtures.Report(SplitBrainStory.Result()) with { World = SplitBrainStory.World() };

    private static readonly Lazy<string> Markdown = new(() => MarkdownReport.Render(Story));

    private static readonly Lazy<string> Html = new(() => HtmlReport.Render(Story));

    [Fact]
    public void Markdown_Story_DescribesTheScenarioInWords()
    {
        Assert.Contains("\n3 Redis nodes in 3 AZs: az-a n1 (primary); az-b n2; az-c n3.\n", Markdown.Value, StringComparison.Ordinal);
        Assert.Contains(
            "\n- partition of {az-a} | {az-b, az-c} at 10 s for 15 s (heals at 25 s), that is {n1} | {n2,n3}.\n",
            Markdown.Value,
            StringComparison.Ordinal);
        Assert.Contains(
            "\n2 clients (StackExchange.Redis): az-a c1; az-b c2; each writes 0.25 times a second (Poisson arrivals, 100-byte values) for 40 s",
            Markdown.Value,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Story_HasTheComparisonRowWithOutcomesBeforeLatency()
    {
        Assert.Contains(
            "\n| self-hosted | 7 | 4 (57.1%) | 1 | 1 | 0.0 | 0.0 | 11.5 | 10.0 | 10.0 | 1.00 | 1.00 | 1.00 |\n",
            Markdown.Value,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Story_SaysWhetherTheFaultBit()
    {
        Assert.Contains("\n- yes: two nodes accepted writes as primary for 10.000 s in total (`splitBrain`)\n", Markdown.Value, StringComparison.Ordinal);
        Assert.Contains("\n- two primaries at once: n1 and n3 from 20.000 s to 30.000 s (10.000 s)\n", Markdown.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Story_LinksEachChartPng()
    {
        foreach (var chart in new[] { "roles", "latency", "lost-writes", "latency-cdf" })
        {
            Assert.Contains($"]({chart}.png)\n", Markdown.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markdown_Story_ListsDefaultsAndAssumptionsWithValuesInForceAndSources()
    {
        Assert.Contains(
            "\n| down-after-milliseconds | self-hosted | 30000 ms | 30000 ms | docs/sources.md §2.1 (sentinel.c sentinel_default_down_after) | `sentinel.down-after-milliseconds` |\n",
            Markdown.Value,
            StringComparison.Ordinal);
        Assert.Contains("\n| A5 | self-hosted | A client asks each Sentinel for the primary with a 500 ms timeout", Markdown.Value, StringComparison.Ordinal);
        Assert.Contains("instances' \\_\\_sentinel\\_\\_:hello channel", Markdown.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Story_SaysHowToReproduceIt()
    {
        Assert.Contains(
            "\n- scenario file: az-partition-split-brain.yaml, SHA-256 `9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08`\n- seed: 42\n- tool: rfsim 0.1.0 (commit c3a6c48c2e530a4b72d3a7aba72ea22ecff22064)\n",
            Markdown.Value,
            StringComparison.Ordinal);
        Assert.EndsWith("```text\nrfsim run az-partition-split-brain.yaml --seed 42 --paths self-hosted\n```\n", Markdown.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_UnderGermanCulture_IsIdenticalToInvariant()
    {
        var german = CultureScope.Run("de-DE", () => MarkdownReport.Render(Story));

        Assert.Equal(Markdown.Value, german);
    }

    [Fact]
    public void Html_Story_IsOneSelfContainedPageWithTheChartsEmbedded()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", Html.Value, StringComparison.Ordinal);
        Assert.Equal(4, Html.Value.Split("<img alt=\"").Length - 1);
        Assert.Equal(4, Html.Value.Split("src=\"data:image/png;base64,iVBORw0KGgo").Length - 1);
        Assert.DoesNotContain("http://", Html.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", Html.Value, StringComparison.Ordinal);
        Assert.Contains("<title>az-partition-split-brain, seed 42: rfsim report</title>", Html.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Story_RendersTablesCodeAndEscapes()
    {
        Assert.Contains("<tr><td>self-hosted</td><td class=\"n\">7</td><td class=\"n\">4 (57.1%)</td>", Html.Value, StringComparison.Ordinal);
        Assert.Contains("<td><code>sentinel.down-after-milliseconds</code></td>", Html.Value, StringComparison.Ordinal);
        Assert.Contains("t=20.000s  split brain: n1 and n3 are both primary\n", Html.Value, StringComparison.Ordinal);
        Assert.Contains("&lt;scenario&gt;", HtmlReport.Render(Story with { ScenarioDescription = "<scenario>" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_WithoutSamples_SayThereAreNoChartsAndEmbedNone()
    {
        var report = ReportFixtures.Report(ReportFixtures.SplitBrain());

        Assert.Contains("\nThe writes were not kept for this run, so there are no charts.\n", MarkdownReport.Render(report), StringComparison.Ordinal);
        Assert.DoesNotContain("data:image", HtmlReport.Render(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sentinel.quorum", "2")]
    [InlineData("sentinel.down-after-milliseconds", "30000 ms")]
    [InlineData("redis.repl-backlog-size", "1 MB")]
    [InlineData("nodes[].replica-priority", "n1 100, n2 100, n3 100")]
    [InlineData("workload.value-size", "100 B")]
    [InlineData("network.same-az-median / cross-az-median / same-az-sigma / cross-az-sigma", "0.22 ms / 0.8 ms / 0.25 / 0.25")]
    [InlineData("client.reconnect-base / client.reconnect-max", "2500 ms / 10000 ms")]
    [InlineData("elasticache.close-on-slave-write", "yes")]
    [InlineData("memorydb.log-quorum", "2")]
    public void SettingsInForce_KnownKey_IsTheWorldsValue(string key, string expected) =>
        Assert.Equal(expected, SettingsInForce.Value(key, SplitBrainStory.World()));

    [Fact]
    public void SettingsInForce_UnknownKeyOrNoWorld_IsNull()
    {
        Assert.Null(SettingsInForce.Value("sentinel.nonsense", SplitBrainStory.World()));
        Assert.Null(SettingsInForce.Value("sentinel.quorum", null));
    }
}
