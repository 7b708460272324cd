namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// A whole sweep, as the writers see it: the setup and every replication's numbers. A single run and a merge of
/// its shards build the same report, so they write the same bytes.
/// </summary>
public sealed class SweepReport
{
    private IReadOnlyList<PointSummary>? _summaries;

    /// <summary>A report of a complete table; throws when a replication is missing.</summary>
    public SweepReport(SweepSetup setup, ReplicationTable replications)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(replications);
        if (replications.PointCount != setup.Points.Count || replications.PathCount != setup.Paths.Count
            || replications.Runs != setup.Runs)
        {
            throw new ArgumentException("the table's shape does not match the setup", nameof(replications));
        }

        if (!replications.IsComplete)
        {
            throw new ArgumentException(
                $"the table has {replications.FilledCount} of {setup.Points.Count * setup.Paths.Count * setup.Runs} "
                + "replications",
                nameof(replications));
        }

        Setup = setup;
        Replications = replications;
    }

    /// <summary>What the sweep ran.</summary>
    public SweepSetup Setup { get; }

    /// <summary>Every replication's numbers.</summary>
    public ReplicationTable Replications { get; }

    /// <summary>The statistics per grid point and path, computed once.</summary>
    public IReadOnlyList<PointSummary> Summaries => _summaries ??= Summarize();

    private List<PointSummary> Summarize() =>
        Setup.Points
            .Select(point => new PointSummary(
                point,
                Setup.Paths.Select((path, p) => PathSummary.Of(path, Replications.Column(point.Index, p))).ToList()))
            .ToList();
}
