using CommandLine;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim explain</c>.</summary>
[Verb("explain", HelpText = "Explain the model in words. A deployment path: every default with its source and every "
    + "assumption with its id and default value; or a client library's profile, or a section of docs/sources.md.")]
internal sealed class ExplainVerb
{
    [Value(0, MetaName = "path",
        HelpText = "elasticache, serverless, memorydb or self-hosted (default: all four), or 'client' for the client-library profiles.")]
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
        new("Lettuce's defaults, each with its source", "rfsim explain client lettuce"),
        new("Where Sentinel's defaults come from (docs/sources.md §2.1)", "rfsim explain --source 2.1"),
    ];
}
