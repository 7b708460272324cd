using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// <c>redis:</c>'s persistence keys in redis.conf's spelling (docs/sources.md §16): <c>appendonly: yes|no</c>,
/// <c>appendfsync: always|everysec|no</c>, <c>save: "3600 1 300 100"</c> or <c>save: ""</c>; and the disk's
/// <c>aof-fsync-time</c> (how long one background fsync takes, docs/sources.md §16.4, ASSUMPTION A95).
/// </summary>
internal sealed partial class ScenarioReader
{
    private static PersistenceSettings ReadPersistence(MappingReader s, PersistenceSettings d)
    {
        var appendOnly = s.Text("appendonly", "yes or no (redis.conf's spelling)", isValid: t => t is "yes" or "no");
        var fsync = s.Text("appendfsync", "always, everysec or no", isValid: t => t is "always" or "everysec" or "no");
        var save = d.Save;
        if (s.Text("save", "pairs of seconds and changes, e.g. \"3600 1 300 100\", or \"\" for none") is { } text)
        {
            save = ParseSavePoints(text) ?? d.Save;
            if (ParseSavePoints(text) is null)
            {
                s.Report("save", $"expected pairs of whole seconds and changes (both at least 1), e.g. \"3600 1 300 100\", or \"\" for none; found '{text}'");
            }
        }

        return new PersistenceSettings(
            AppendOnly: appendOnly is null ? d.AppendOnly : appendOnly == "yes",
            AppendFsync: fsync switch
            {
                "always" => AppendFsync.Always,
                "no" => AppendFsync.No,
                "everysec" => AppendFsync.Everysec,
                _ => d.AppendFsync,
            },
            Save: save)
        {
            FsyncTime = s.Duration("aof-fsync-time", allowZero: true, max: ScenarioLimits.FsyncTime) ?? d.FsyncTime,
        };
    }

    private static List<SavePoint>? ParseSavePoints(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length % 2 != 0)
        {
            return null;
        }

        var points = new List<SavePoint>();
        for (int i = 0; i < parts.Length; i += 2)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
                || !long.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out long changes)
                || seconds < 1 || seconds > MaxSeconds || changes < 1)
            {
                return null;
            }

            points.Add(new SavePoint(SimDuration.FromSeconds(seconds), changes));
        }

        return points;
    }
}
