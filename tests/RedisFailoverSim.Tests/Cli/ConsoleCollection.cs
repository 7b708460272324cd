namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// Tests that swap <see cref="Console.Out"/>/<see cref="Console.Error"/> run one at a time: the console is global
/// and xunit runs test classes in parallel.
/// </summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
