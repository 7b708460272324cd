using System.Globalization;
using System.Text.RegularExpressions;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// The Redis Cluster replica elections of a run, read from the nodes' own log lines ("Starting a failover election for
/// epoch N", "Failover auth granted to X for epoch N", "Failover election won"), and the sentence that explains a split
/// vote: two replicas of one primary asking in the same moment, each primary voting once per epoch for whichever asked
/// first, nobody reaching the majority, and the retry only after twice the auth timeout (docs/sources.md §3.12).
/// </summary>
public static partial class ClusterElections
{
    /// <summary>One replica's election: who asked, for which epoch, when, and how many primaries voted for it.</summary>
    public sealed record Election(string Candidate, long Epoch, double StartSeconds, int Votes, bool Won);

    /// <summary>Every election of <paramref name="result"/>, in the order they started.</summary>
    public static IReadOnlyList<Election> Of(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cluster = result.Events.Where(e => e.Kind == "cluster").ToList();
        var votes = cluster.Select(e => GrantLine().Match(e.Text)).Where(m => m.Success)
            .GroupBy(m => (m.Groups["candidate"].Value, long.Parse(m.Groups["epoch"].Value, CultureInfo.InvariantCulture)))
            .ToDictionary(g => g.Key, g => g.Count());
        var won = cluster.Select(e => (e.Source, Match: WonLine().Match(e.Text))).Where(x => x.Match.Success)
            .Select(x => (x.Source, long.Parse(x.Match.Groups["epoch"].Value, CultureInfo.InvariantCulture))).ToHashSet();
        return [.. cluster.Select(e => (Event: e, Match: StartLine().Match(e.Text))).Where(x => x.Match.Success).Select(x =>
        {
            long epoch = long.Parse(x.Match.Groups["epoch"].Value, CultureInfo.InvariantCulture);
            return new Election(x.Event.Source, epoch, x.Event.Seconds, votes.GetValueOrDefault((x.Event.Source, epoch)), won.Contains((x.Event.Source, epoch)));
        })];
    }

    /// <summary>
    /// "Its first election split the votes: …", when two or more replicas asked within the same second and none of them
    /// won; null otherwise.
    /// </summary>
    public static string? SplitVoteSentence(PathResult result, WorldSpec? world)
    {
        var elections = Of(result);
        var first = elections.FirstOrDefault(e => !e.Won);
        if (first is null)
        {
            return null;
        }

        var round = elections.Where(e => e.StartSeconds - first.StartSeconds < 1.0 && e.StartSeconds >= first.StartSeconds).ToList();
        if (round.Count < 2 || round.Any(e => e.Won))
        {
            return null;
        }

        var asked = string.Join(" and ", round.Select(e => e.Candidate));
        var apart = (round.Max(e => e.StartSeconds) - first.StartSeconds) * 1000;
        var votes = round.Select(e => e.Votes).Distinct().Count() == 1
            ? $"{round[0].Votes} vote{(round[0].Votes == 1 ? "" : "s")} each"
            : string.Join(", ", round.Select(e => $"{e.Candidate} {e.Votes}"));
        var epochs = string.Join(" and ", round.Select(e => e.Epoch).Distinct());
        var needed = world?.Cluster is { } c ? $", short of the {(c.Shards / 2) + 1} needed (a majority of the {c.Shards} primaries)" : "";
        var retry = (result.ClusterSettings ?? world?.Cluster?.Settings) is { } cl
            ? $", {RunVerdict.Seconds(2 * Math.Max(2 * cl.NodeTimeout.TotalSeconds, 2))} s with max(2 × cluster-node-timeout, 2 s)"
            : "";
        var winner = elections.FirstOrDefault(e => e.Won && e.StartSeconds > first.StartSeconds);
        var then = winner is null
            ? "no later election was won before the run ended"
            : $"{winner.Candidate} won epoch {winner.Epoch}, asked at {RunVerdict.Seconds(winner.StartSeconds)} s";
        return string.Create(CultureInfo.InvariantCulture, $"Its first election split the votes: {asked} {(round.Count == 2 ? "both" : "all")} asked for epoch {epochs} at ")
            + string.Create(CultureInfo.InvariantCulture, $"{RunVerdict.Seconds(first.StartSeconds)} s, {apart:0} ms apart, and got {votes}{needed}: ")
            + "each primary votes once per epoch, for the request that reaches it first. A replica asks again only after "
            + $"twice the auth timeout{retry} (cluster_legacy.c clusterHandleSlaveFailover); {then}.";
    }

    /// <summary>
    /// Why a cluster run promoted no replica, from the nodes' own log lines: no primary was ever marked possibly failing
    /// (PFAIL, cluster-node-timeout without a PONG); it was, but no majority of the primaries reported it in time to mark
    /// it FAIL (clusterNodeCleanupFailureReports, 2 × node-timeout); or it was FAIL and no replica won an election.
    /// </summary>
    public static string NoFailoverReason(PathResult result, WorldSpec? world)
    {
        ArgumentNullException.ThrowIfNull(result);
        var primaries = result.Roles.Where(r => r.Role == NodeRole.Primary).Select(r => r.Node).ToHashSet(StringComparer.Ordinal);
        var cluster = result.Events.Where(e => e.Kind == "cluster").ToList();
        // The path's own keys (ElastiCache's defaults differ from Redis OSS's), else the scenario's over Redis's.
        var settings = result.ClusterSettings ?? world?.Cluster?.Settings;
        var timeout = settings is { } c ? $" ({RunVerdict.Seconds(c.NodeTimeout.TotalSeconds)} s)" : "";
        var pfail = cluster.Select(e => (e.Source, Match: PfailLine().Match(e.Text)))
            .Where(x => x.Match.Success && primaries.Contains(x.Match.Groups["node"].Value)).ToList();
        if (pfail.Count == 0)
        {
            return $"no node went cluster-node-timeout{timeout} without a PONG from a primary, so none was marked possibly failing (PFAIL)";
        }

        // The primary most nodes suspected (an isolated primary suspects the others too, alone).
        var suspect = pfail.GroupBy(x => x.Match.Groups["node"].Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Select(x => x.Source).Distinct(StringComparer.Ordinal).Count()).First().Key;
        var failed = cluster.Select(e => FailLine().Match(e.Text)).Where(m => m.Success).Select(m => m.Groups["node"].Value)
            .FirstOrDefault(primaries.Contains);
        if (failed is null)
        {
            var reporters = pfail.Where(x => x.Match.Groups["node"].Value == suspect).Select(x => x.Source).Distinct(StringComparer.Ordinal).ToList();
            var majority = world?.Cluster is { } cl ? $" ({(cl.Shards / 2) + 1} of {cl.Shards})" : "";
            return $"only {string.Join(", ", reporters)} marked {suspect} possibly failing (PFAIL): no majority of the primaries{majority} "
                + $"reported it within twice cluster-node-timeout, so it was never marked FAIL";
        }

        if (settings is { ReplicaNoFailover: true })
        {
            return $"{failed} was marked FAIL, but cluster-replica-no-failover yes keeps its replicas from asking for "
                + "an election (clusterHandleSlaveFailover returns before it)";
        }

        return cluster.Any(e => StartLine().IsMatch(e.Text))
            ? $"{failed} was marked FAIL, but none of its replicas won a majority of the primaries' votes"
            : $"{failed} was marked FAIL, but none of its replicas started an election: a replica asks only once it sees "
                + "its primary FAIL itself or hears a FAIL message, and none on its side of the cut did";
    }

    [GeneratedRegex(@"\*\*\* NODE (?<node>\S+) possibly failing")]
    private static partial Regex PfailLine();

    [GeneratedRegex(@"Marking node (?<node>\S+) as failing")]
    private static partial Regex FailLine();

    [GeneratedRegex(@": Starting a failover election for epoch (?<epoch>\d+)")]
    private static partial Regex StartLine();

    [GeneratedRegex(@": Failover auth granted to (?<candidate>\S+) for epoch (?<epoch>\d+)")]
    private static partial Regex GrantLine();

    [GeneratedRegex(@": Failover election won: configEpoch set to (?<epoch>\d+)")]
    private static partial Regex WonLine();
}
