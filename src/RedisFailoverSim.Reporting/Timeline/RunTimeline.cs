using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Reporting.Timeline;

/// <summary>
/// What the charts, the report and the narrated trace derive from one path's result: promotions and demotions,
/// the stretches with two primaries, and which node acknowledged which writes when. Everything comes from
/// <see cref="PathResult.Roles"/> and <see cref="PathResult.Samples"/>; nothing here changes the model's numbers.
/// </summary>
internal sealed class RunTimeline
{
    private readonly Dictionary<string, int> _nodeIndex;

    /// <summary>Derives the timeline of <paramref name="result"/>.</summary>
    public RunTimeline(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
        _nodeIndex = result.Nodes.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        RoleChanges = ComputeRoleChanges(result);
        Overlaps = ComputeOverlaps(result);
    }

    /// <summary>The result this timeline is derived from.</summary>
    public PathResult Result { get; }

    /// <summary>Every time a node became primary or stopped being one, in time order.</summary>
    public IReadOnlyList<RoleChange> RoleChanges { get; }

    /// <summary>Promotions: a replica became primary, in time order.</summary>
    public IEnumerable<RoleChange> Promotions =>
        RoleChanges.Where(c => c.To == NodeRole.Primary && c.From is NodeRole.Replica or NodeRole.Syncing);

    /// <summary>
    /// Returns: a primary that was paused or down is back and still primary (nothing promoted it; it never stopped
    /// being one), in time order.
    /// </summary>
    public IEnumerable<RoleChange> Returns =>
        RoleChanges.Where(c => c.To == NodeRole.Primary && c.From is NodeRole.Paused or NodeRole.Down);

    /// <summary>Demotions (a primary became a replica or started syncing), in time order.</summary>
    public IEnumerable<RoleChange> Demotions =>
        RoleChanges.Where(c => c.From == NodeRole.Primary && c.To is NodeRole.Replica or NodeRole.Syncing);

    /// <summary>The stretches with two or more primaries at once, in time order.</summary>
    public IReadOnlyList<PrimaryOverlap> Overlaps { get; }

    /// <summary>
    /// True when two primaries also accepted writes at once (the result's split brain). Two nodes can hold the
    /// primary role while one refuses writes (min-replicas-to-write): two primaries by role, no split brain.
    /// </summary>
    public bool IsSplitBrain => Result.SplitBrainSeconds > 0;

    /// <summary>True when the result kept every write (charts and counts need them).</summary>
    public bool HasSamples => Result.Samples is not null;

    /// <summary>The node's index in <see cref="PathResult.Nodes"/>, or -1.</summary>
    public int NodeIndex(string node) => _nodeIndex.GetValueOrDefault(node, -1);

    /// <summary>When the client learned write <paramref name="i"/>'s outcome, seconds since the run start.</summary>
    public double CompletedSeconds(int i)
    {
        var s = Result.Samples!;
        return s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000);
    }

    /// <summary>
    /// Acknowledged writes <paramref name="node"/> acknowledged in (<paramref name="fromSeconds"/>,
    /// <paramref name="toSeconds"/>], and how many of them are lost. Zero when samples were not kept.
    /// </summary>
    public (long Acknowledged, long Lost) AcknowledgedBy(string node, double fromSeconds, double toSeconds)
    {
        int index = NodeIndex(node);
        if (Result.Samples is not { } s || index < 0)
        {
            return (0, 0);
        }

        long acked = 0, lost = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && s.AckedBy[i] == index)
            {
                double at = CompletedSeconds(i);
                if (at > fromSeconds && at <= toSeconds)
                {
                    acked++;
                    lost += s.Lost[i] ? 1 : 0;
                }
            }
        }

        return (acked, lost);
    }

    /// <summary>When <paramref name="node"/> last acknowledged a write at or before <paramref name="seconds"/>, or null.</summary>
    public double? LastAcknowledgement(string node, double seconds)
    {
        int index = NodeIndex(node);
        if (Result.Samples is not { } s || index < 0)
        {
            return null;
        }

        double? last = null;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && s.AckedBy[i] == index)
            {
                double at = CompletedSeconds(i);
                if (at <= seconds && (last is null || at > last))
                {
                    last = at;
                }
            }
        }

        return last;
    }

    /// <summary>The node's role at <paramref name="seconds"/> (the interval that contains it), or null.</summary>
    public NodeRole? RoleAt(string node, double seconds)
    {
        foreach (var r in Result.Roles)
        {
            if (r.Node == node && r.FromSeconds <= seconds && seconds < r.ToSeconds)
            {
                return r.Role;
            }
        }

        return null;
    }

    /// <summary>The nodes that are primary at <paramref name="seconds"/>, in node order.</summary>
    public IReadOnlyList<string> PrimariesAt(double seconds) =>
        Result.Nodes.Where(n => RoleAt(n, seconds) == NodeRole.Primary).ToList();

    private static List<RoleChange> ComputeRoleChanges(PathResult result)
    {
        var changes = new List<RoleChange>();
        foreach (var node in result.Nodes)
        {
            NodeRole? previous = null;
            foreach (var r in result.Roles.Where(r => r.Node == node).OrderBy(r => r.FromSeconds))
            {
                if (previous is { } p && p != r.Role && (p == NodeRole.Primary || r.Role == NodeRole.Primary))
                {
                    changes.Add(new RoleChange(node, r.FromSeconds, p, r.Role));
                }

                previous = r.Role;
            }
        }

        return changes.OrderBy(c => c.Seconds).ThenBy(c => result.Nodes.ToList().IndexOf(c.Node)).ToList();
    }

    private static List<PrimaryOverlap> ComputeOverlaps(PathResult result)
    {
        var bounds = result.Roles.SelectMany(r => new[] { r.FromSeconds, r.ToSeconds }).Distinct().Order().ToList();
        var overlaps = new List<PrimaryOverlap>();
        for (int i = 0; i + 1 < bounds.Count; i++)
        {
            double from = bounds[i], to = bounds[i + 1];
            var primaries = result.Nodes
                .Where(n => result.Roles.Any(r => r.Node == n && r.Role == NodeRole.Primary && r.FromSeconds <= from && to <= r.ToSeconds))
                .ToList();

            // In a cluster each shard has its own primary: only two primaries of one shard overlap.
            if (result.NodeShards is { } shards)
            {
                var nodes = result.Nodes.ToList();
                primaries = primaries.GroupBy(n => shards[nodes.IndexOf(n)]).Where(g => g.Count() >= 2).SelectMany(g => g).ToList();
            }

            if (primaries.Count < 2)
            {
                continue;
            }

            if (overlaps.Count > 0 && overlaps[^1].ToSeconds == from && overlaps[^1].Primaries.SequenceEqual(primaries))
            {
                overlaps[^1] = overlaps[^1] with { ToSeconds = to };
            }
            else
            {
                overlaps.Add(new PrimaryOverlap(from, to, primaries));
            }
        }

        return overlaps;
    }
}
