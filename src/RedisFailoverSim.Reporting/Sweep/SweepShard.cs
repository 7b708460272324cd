using System.Globalization;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: the replications i with i mod Count = Index, i.e. Index,
/// Index + Count, Index + 2·Count, … (strided, not contiguous blocks), of every grid point and path. Striding keeps
/// the shards within one replication of each other in size whatever the number of runs, and a shard's replication
/// indices (hence seeds) do not depend on how many runs the others have.
/// </summary>
/// <param name="Index">This shard, from 0.</param>
/// <param name="Count">How many shards, at least 1.</param>
public sealed record SweepShard(int Index, int Count)
{
    /// <summary>True when replication <paramref name="run"/> belongs to this shard.</summary>
    public bool Contains(int run) => run % Count == Index;

    /// <summary>This shard's replication indices among <paramref name="runs"/>, ascending.</summary>
    public IReadOnlyList<int> Runs(int runs) =>
        Enumerable.Range(0, runs).Where(Contains).ToList();

    /// <summary><c>2/8</c>, as <c>--shard</c> takes it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
