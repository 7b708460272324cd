namespace RedisFailoverSim.Cli.Help;

/// <summary>
/// A worked example in a verb's <c>--help</c>: what it does and the command line exactly as a user types it
/// (the tests parse every one with the real parser and check that its scenario is bundled).
/// </summary>
internal sealed record VerbExample(string Purpose, string CommandLine);
