namespace RedisFailoverSim.Engine.Random;

/// <summary>
/// The source of every random number in a run: one master seed, and a named sub-stream per component,
/// derived from (master seed, UTF-8 name, index) by SplitMix64. Adding a component or a fault adds a stream
/// and never shifts another stream's draws. Each (name, index) may be taken once per run, so two components
/// cannot silently share one sequence.
/// </summary>
public sealed class RandomStreams
{
    private readonly HashSet<(string Name, long Index)> _taken = [];

    /// <summary>Creates the streams of one run.</summary>
    public RandomStreams(ulong masterSeed)
    {
        MasterSeed = masterSeed;
    }

    /// <summary>The run's master seed.</summary>
    public ulong MasterSeed { get; }

    /// <summary>The seed of the sub-stream (name, index); pure, for tests and tools.</summary>
    public static ulong DeriveSeed(ulong masterSeed, string name, long index = 0)
    {
        unchecked
        {
            ulong state = masterSeed ^ SplitMix64.HashName(name);
            state = SplitMix64.Mix(state + (0x9E3779B97F4A7C15UL * ((ulong)index + 1)));
            return SplitMix64.Mix(state ^ masterSeed);
        }
    }

    /// <summary>The stream named <paramref name="name"/> (with an optional index, e.g. a node number).</summary>
    public RandomStream Stream(string name, long index = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_taken.Add((name, index)))
        {
            Invariant.Fail($"random stream '{name}'[{index}] requested twice in one run");
        }

        return new RandomStream(DeriveSeed(MasterSeed, name, index)) { Name = index == 0 ? name : $"{name}[{index}]" };
    }
}
