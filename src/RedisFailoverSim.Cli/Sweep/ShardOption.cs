using System.Globalization;
using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>Reads <c>--shard i/n</c>: shard i (from 0) of n, see <see cref="SweepShard"/>.</summary>
internal static class ShardOption
{
    /// <summary>The shard, or null with the reason in <paramref name="problem"/> (one line, no prefix).</summary>
    public static SweepShard? TryParse(string text, int runs, out string? problem)
    {
        problem = null;
        var parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"expected i/n, shard i (from 0) of n, e.g. 0/4 ... 3/4; found '{text}'";
            return null;
        }

        if (count < 1 || index >= count)
        {
            problem = $"'{text}': expected 0 <= i < n, e.g. 0/{Math.Max(count, 2)} ... {Math.Max(count, 2) - 1}/{Math.Max(count, 2)}";
            return null;
        }

        if (count > runs)
        {
            problem = $"'{text}': {count} shards for {runs} runs would leave some shards empty; use at most {runs} shards";
            return null;
        }

        return new SweepShard(index, count);
    }
}
