using CommandLine;
using CommandLine.Text;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim explain</c>.</summary>
[Verb("explain", HelpText = "Print the model of a deployment path in words, every default with its source and "
    + "every assumption with its id and default value.")]
internal sealed class ExplainVerb
{
    [Value(0, MetaName = "path",
        HelpText = "elasticache, serverless, memorydb or self-hosted. Default: all four.")]
    public string? Path { get; set; }

    [Option("source", MetaValue = "n",
        HelpText = "Print section n of docs/sources.md (e.g. 2.1), where a default's fact comes from, and nothing else.")]
    public string? Source { get; set; }

    [Usage(ApplicationAlias = "rfsim")]
    public static IEnumerable<Example> Examples =>
    [
        new("What the self-hosted Sentinel model does and assumes", new ExplainVerb { Path = "self-hosted" }),
        new("Where Sentinel's defaults come from (docs/sources.md §2.1)", new ExplainVerb { Source = "2.1" }),
    ];
}
