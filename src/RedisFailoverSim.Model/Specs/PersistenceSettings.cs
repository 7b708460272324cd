using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary><c>appendfsync</c>: when the AOF's <c>write()</c>s are forced to the disk (docs/sources.md §16.1).</summary>
public enum AppendFsync
{
    /// <summary>fsync before the replies leave: an acknowledged write is on the disk.</summary>
    Always,

    /// <summary>A background fsync once a second (redis.conf's default).</summary>
    Everysec,

    /// <summary>Never fsync: the kernel writes dirty pages back when it chooses.</summary>
    No,
}

/// <summary>One <c>save &lt;seconds&gt; &lt;changes&gt;</c> point (docs/sources.md §16.3).</summary>
public readonly record struct SavePoint(SimDuration After, long Changes);

/// <summary>
/// What a node writes to its disk and loads when it starts again: <c>appendonly</c>, <c>appendfsync</c> and the
/// <c>save</c> points (docs/sources.md §16). A node with neither an AOF nor a save point comes back empty.
/// </summary>
/// <param name="AppendOnly"><c>appendonly</c>: the node logs every write to its AOF and loads the AOF at start.</param>
/// <param name="AppendFsync"><c>appendfsync</c>, <c>everysec</c> by default.</param>
/// <param name="Save">
/// The save points. redis.conf's built-in default is 3600 1 300 100 60 10000; the model's default is none (ASSUMPTION
/// A92), so a node without persistence keys comes back empty as before.
/// </param>
public sealed record PersistenceSettings(bool AppendOnly, AppendFsync AppendFsync, IReadOnlyList<SavePoint> Save)
{
    /// <summary>No AOF, no save point: a restarted node comes back empty (docs/sources.md §1.2 hazard).</summary>
    public static PersistenceSettings Off { get; } = new(false, AppendFsync.Everysec, []);

    /// <summary>
    /// How long one background fsync of the AOF takes (<c>aof-fsync-time</c>). ASSUMPTION A95: 0 by default, a disk
    /// that is never slow, so <c>flushAppendOnlyFile</c> never postpones a write; longer, the postponement rule of
    /// docs/sources.md §16.4 applies (writes wait in the AOF buffer while an fsync runs, at most ~2 s).
    /// </summary>
    public SimDuration FsyncTime { get; init; } = SimDuration.Zero;

    /// <summary>True when a restarted node loads something from its disk.</summary>
    public bool LoadsFromDisk => AppendOnly || Save.Count > 0;

    /// <summary>How the settings read in a report: <c>appendonly yes, appendfsync everysec</c>, <c>save 60 1000</c>.</summary>
    public string Describe() => AppendOnly
        ? "appendonly yes, appendfsync " + AppendFsync.ToString().ToLowerInvariant()
        : Save.Count == 0 ? "off" : "save " + string.Join(' ', Save.Select(p =>
            (p.After.Nanoseconds / SimDuration.NanosecondsPerSecond).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " " + p.Changes.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    public bool Equals(PersistenceSettings? other) =>
        other is not null && AppendOnly == other.AppendOnly && AppendFsync == other.AppendFsync && FsyncTime == other.FsyncTime
        && Save.SequenceEqual(other.Save);

    /// <inheritdoc />
    public override int GetHashCode() => (AppendOnly ? 1 : 0) + (3 * (int)AppendFsync) + (7 * Save.Count);
}
