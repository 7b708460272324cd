using CommandLine;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim explain</c>.</summary>
[Verb("explain", HelpText = "Explain the model in words. A deployment path: every default with its source and every "
    + "assumption with its id and default value; or one assumption, scenario key or client library's profile, or a "
    + "section of docs/sources.md.")]
internal sealed class ExplainVerb
{
    [Value(0, MetaName = "topic",
        HelpText = "A path (elasticache, serverless, memorydb, self-hosted), 'client' for the client-library profiles, a "
        + "client library (lettuce), an assumption (A33), a scenario key (client.reconnect-base, or reconnect-base) or a "
        + "fault kind (log-brownout: the assumptions that name it); "
        + "case and - or _ do not matter. Default: all four paths.")]
    public string? Path { get; set; }

    [Value(1, MetaName = "library",
        HelpText = "With 'client': the client library whose profile to print (stackexchange-redis, redis-py, redis-py-8, "
            + "lettuce, jedis, go-redis, ioredis, node-redis, valkey-glide). Default: every profile.")]
    public string? Library { get; set; }

    [Option("source", MetaValue = "n",
        HelpText = "Print section n of docs/sources.md (e.g. 2.1), where a default's fact comes from, and nothing else. Default: none.")]
    public string? Source { get; set; }

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("What the self-hosted Sentinel model does and assumes", "rfsim explain self-hosted"),
        new("Assumption A45 and the key that changes it, however it is spelt", "rfsim explain a45"),
        new("What client.reconnect-base sets, with its sources", "rfsim explain reconnect_base"),
    ];
}
