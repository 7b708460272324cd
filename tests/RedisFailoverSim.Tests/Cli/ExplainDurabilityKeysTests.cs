using RedisFailoverSim.Cli.Commands;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Reporting.Explain;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// Issue 14's "rfsim explain lists every new default with its source, every guess as an assumption": each key the
/// issue added (durability, fencing, the control plane, WAIT/WAITAOF, persistence, node bandwidth, the proxy hold, the
/// MemoryDB lease and claim) is an explain topic with a default or an assumption behind it, and the path explanations
/// the CLI prints (the model's and the AWS paths' defaults) name them.
/// </summary>
public class ExplainDurabilityKeysTests
{
    private static readonly IReadOnlyList<ModelDefault> CliDefaults = [.. ModelDefaults.All, .. AwsPathDefaults.All];

    [Theory]
    [InlineData("elasticache.durability", "durability", "A98")]
    [InlineData("elasticache.engine-version", "engine-version", null)]
    [InlineData("elasticache.fencing", null, "A19")]
    [InlineData("elasticache.fencing-delay", null, "A90")]
    [InlineData("serverless.fencing", null, "A23")]
    [InlineData("serverless.proxy-hold", null, "A170")]
    [InlineData("redis.appendonly", "appendonly", null)]
    [InlineData("redis.appendfsync", "appendfsync", "A94")]
    [InlineData("redis.save", "save", "A92")]
    [InlineData("redis.aof-fsync-time", null, "A95")]
    [InlineData("network.node-bandwidth", "node egress bandwidth", "A160")]
    [InlineData("workload.wait", "WAIT / WAITAOF", "A71")]
    [InlineData("memorydb.lease-duration", null, "A28")]
    [InlineData("memorydb.election-delay", null, "A28")]
    public void Key_AddedByIssue14_IsATopicWithItsDefaultOrAssumption(string key, string? defaultName, string? assumption)
    {
        Assert.Equal(key, ExplainTopics.Key(key));
        using var text = new StringWriter();

        TopicExplanation.Key(text, key, CliDefaults, Assumptions.All);

        var printed = text.ToString().ReplaceLineEndings("\n");
        Assert.StartsWith($"scenario key {key}\n", printed, StringComparison.Ordinal);
        if (defaultName is not null)
        {
            Assert.Contains($"\n  {defaultName}: ", printed, StringComparison.Ordinal);
            Assert.Contains("; source docs/sources.md §", printed, StringComparison.Ordinal);
        }

        if (assumption is not null)
        {
            Assert.Contains($"\n  {assumption}: ", printed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EngineVersion_ByItsLastPart_IsTheElastiCacheKey()
    {
        // An AWS path's default was not a topic before: 'rfsim explain engine-version' said "unknown topic".
        Assert.Equal("elasticache.engine-version", ExplainTopics.Key("engine-version"));
        Assert.Equal("serverless.max-ecpu-per-second", ExplainTopics.Key("max-ecpu-per-second"));
        Assert.DoesNotContain(ExplainTopics.Keys(), k => k.Contains('*', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("log-packet-loss", "A166")]
    [InlineData("log-slow-replica", "A167")]
    [InlineData("Log_Brownout", "A168")]
    public void FaultKind_MemoryDbGrayFailure_IsATopicListingItsAssumption(string topic, string assumption)
    {
        // 'rfsim explain log-brownout' said "unknown topic"; the fault's model is in the assumption that names it.
        var kind = ExplainTopics.FaultKind(topic);
        Assert.NotNull(kind);
        using var text = new StringWriter();

        TopicExplanation.FaultKind(text, kind, ExplainTopics.NamingFaultKind(kind));

        var printed = text.ToString().ReplaceLineEndings("\n");
        Assert.StartsWith($"fault kind {kind}\n", printed, StringComparison.Ordinal);
        Assert.Contains($"In a scenario file: faults: [ {{ kind: {kind}, at: <time>, ... }} ]", printed, StringComparison.Ordinal);
        Assert.Contains($"\n  {assumption}: ", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  A1: ", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("self-hosted", new[] { "  WAIT / WAITAOF: ", "  appendfsync: ", "  node egress bandwidth: " })]
    [InlineData("elasticache", new[] { "  durability: ", "  engine-version: ", "  WAIT / WAITAOF: ", "  A19: ", "  A33: ", "  A90: ", "  A97: ", "  A99: ", "  A166: " })]
    [InlineData("serverless", new[] { "  WAIT, WAITAOF: refused", "  A23: ", "  A169: ", "  A170: ", "  A175: " })]
    [InlineData("memorydb", new[] { "  WAIT, WAITAOF: ", "  log quorum: ", "  A28: ", "  A166: ", "  A167: ", "  A168: " })]
    public void ExplainPath_AsTheCliPrintsIt_NamesTheIssue14DefaultsAndAssumptions(string path, string[] expected)
    {
        using var text = new StringWriter();

        ModelExplanation.Write(text, path, CliDefaults, Assumptions.For(path));

        var printed = text.ToString().ReplaceLineEndings("\n");
        Assert.All(expected, e => Assert.Contains("\n" + e, printed, StringComparison.Ordinal));
        if (path is "elasticache" or "serverless")
        {
            // A33: the control plane is a member a partition group may name.
            Assert.Contains($"{path}-control-plane", printed, StringComparison.Ordinal);
        }
    }
}
