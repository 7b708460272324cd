namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// The replications of a sweep by (grid point, path, replication index): the place parallel workers put their
/// results, each in its own cell, so the order in which runs finish never shows in the output (determinism:
/// Monte-Carlo results merge by seed, not by finish). A shard's table has only its own cells filled.
/// </summary>
public sealed class ReplicationTable
{
    private readonly ReplicationMetrics?[] _cells;

    /// <summary>An empty table of <paramref name="points"/> × <paramref name="paths"/> × <paramref name="runs"/> cells.</summary>
    public ReplicationTable(int points, int paths, int runs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        PointCount = points;
        PathCount = paths;
        Runs = runs;
        _cells = new ReplicationMetrics?[checked(points * paths * runs)];
    }

    /// <summary>Grid points.</summary>
    public int PointCount { get; }

    /// <summary>Paths.</summary>
    public int PathCount { get; }

    /// <summary>Replications per point and path.</summary>
    public int Runs { get; }

    /// <summary>Cells filled so far.</summary>
    public int FilledCount => _cells.Count(c => c.HasValue);

    /// <summary>True when every cell is filled.</summary>
    public bool IsComplete => Array.TrueForAll(_cells, c => c.HasValue);

    /// <summary>The cell (point, path, run), or null when it is not filled.</summary>
    public ReplicationMetrics? this[int point, int path, int run] => _cells[Index(point, path, run)];

    /// <summary>
    /// Fills a cell. Safe to call from several threads at once for different cells; a cell is filled once.
    /// </summary>
    public void Set(int point, int path, int run, ReplicationMetrics metrics)
    {
        var index = Index(point, path, run);
        if (_cells[index].HasValue)
        {
            throw new InvalidOperationException($"replication {run} of point {point}, path {path} is already filled");
        }

        _cells[index] = metrics;
    }

    /// <summary>The values of one (point, path), in replication order; throws when a cell is empty.</summary>
    public IReadOnlyList<ReplicationMetrics> Column(int point, int path)
    {
        var column = new ReplicationMetrics[Runs];
        for (var run = 0; run < Runs; run++)
        {
            column[run] = this[point, path, run]
                ?? throw new InvalidOperationException($"replication {run} of point {point}, path {path} is missing");
        }

        return column;
    }

    private int Index(int point, int path, int run)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, PointCount);
        ArgumentOutOfRangeException.ThrowIfNegative(path);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(path, PathCount);
        ArgumentOutOfRangeException.ThrowIfNegative(run);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(run, Runs);
        return (((point * PathCount) + path) * Runs) + run;
    }
}
