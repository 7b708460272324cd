using System.Globalization;
using System.Text.RegularExpressions;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Report;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// A split vote in a Redis Cluster election (docs/sources.md §3.12). In cluster-full-coverage with seed 50, n1.2 and
/// n1.3 have the same offset (both rank 0) and cluster crons within a millisecond of each other: both ask for epoch 4 in
/// the same tick, each live primary votes once per epoch for the request that reaches it first, and each replica gets
/// one of the two votes it needs. cluster_legacy.c clusterHandleSlaveFailover then lets the election expire after the
/// auth timeout, max(2 × node-timeout, 2 s) = 30 s, and schedules a new one only after twice that, 60 s; the trace
/// carries clusterLogCantFailover's lines with its 10 s relog period and its silence for node-timeout + 5 s after FAIL.
/// </summary>
public class ClusterSplitVoteTests
{
    private const double NodeTimeout = 15;
    private const double AuthTimeout = 2 * NodeTimeout;
    private const double CronPeriod = 0.1;
    private static readonly Lazy<(PathResult Result, Scenario Scenario)> Split = new(() => Run(50));

    [Fact]
    public void EqualRankReplicas_AskInTheSameTick_EachGetsOneVote()
    {
        var elections = ClusterElections.Of(Split.Value.Result);
        var first = elections.Where(e => e.Epoch == 4).OrderBy(e => e.Candidate, StringComparer.Ordinal).ToList();

        Assert.Equal(["n1.2", "n1.3"], first.Select(e => e.Candidate));
        Assert.InRange(Math.Abs(first[0].StartSeconds - first[1].StartSeconds), 0, 0.001);
        Assert.All(first, e => Assert.Equal(1, e.Votes));
        Assert.All(first, e => Assert.False(e.Won));
        Assert.All(Lines(Split.Value.Result, "Start of election delayed").Take(2), e => Assert.Contains("(rank #0,", e.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("n1.2")]
    [InlineData("n1.3")]
    public void SplitElection_Expires_AfterTheAuthTimeout_AndRetries_AfterTwiceIt(string replica)
    {
        var result = Split.Value.Result;
        var delayed = Lines(result, "Start of election delayed").Where(e => e.Source == replica).ToList();
        double authTime = delayed[0].Seconds + (DelayMs(delayed[0]) / 1000.0);

        var expired = Lines(result, "Currently unable to failover: Failover attempt expired.").First(e => e.Source == replica);
        Assert.InRange(expired.Seconds, authTime + AuthTimeout, authTime + AuthTimeout + CronPeriod);
        Assert.InRange(delayed[1].Seconds, authTime + (2 * AuthTimeout), authTime + (2 * AuthTimeout) + CronPeriod);
    }

    [Theory]
    [InlineData("n1.2")]
    [InlineData("n1.3")]
    public void CantFailoverLines_SilentForNodeTimeoutPlus5s_AfterFail_ThenEveryTenSeconds(string replica)
    {
        var result = Split.Value.Result;
        double fail = result.Events.First(e => e.Source == replica && e.Text.Contains("FAIL message received", StringComparison.Ordinal) && e.Text.EndsWith("about n1.1", StringComparison.Ordinal)).Seconds;
        var waiting = Lines(result, "Waiting for votes, but majority still not reached.").Where(e => e.Source == replica && e.Seconds < 90).ToList();

        Assert.InRange(waiting[0].Seconds, fail + NodeTimeout + 5, fail + NodeTimeout + 5 + CronPeriod);
        Assert.Equal(2, waiting.Count);

        // time(NULL) in whole seconds: the second line comes 9-10 s after the first.
        Assert.InRange(waiting[1].Seconds - waiting[0].Seconds, 9, 10);
    }

    [Fact]
    public void Retry_IsWonInEpoch5_AndTheVerdictSaysWhyItTook80Seconds()
    {
        var (result, scenario) = Split.Value;
        var won = ClusterElections.Of(result).Single(e => e.Won);
        Assert.Equal(5, won.Epoch);
        Assert.Equal(result.Failover!.NewPrimary, won.Candidate);
        Assert.InRange(result.Failover.ControlPlaneSeconds, won.StartSeconds - 20, won.StartSeconds - 20 + 0.01);

        var verdict = RunVerdict.Paragraph(result, scenario.World);
        Assert.Contains("Its first election split the votes: ", verdict, StringComparison.Ordinal);
        Assert.Contains("both asked for epoch 4 at 39.7 s", verdict, StringComparison.Ordinal);
        Assert.Contains("got 1 vote each, short of the 2 needed (a majority of the 3 primaries)", verdict, StringComparison.Ordinal);
        Assert.Contains("twice the auth timeout, 60.0 s", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void TopologyRefresh_OnOrOff_SameBusNarrativeElectionsAndWriteCounts()
    {
        // StackExchange.Redis's periodic check (60 s, A174) runs at 60-61 s, between the split at 39.7 s and the retry
        // 60 s after it. Its CLUSTER SLOTS round trips draw their delays from a stream of their own, so with it off the
        // bus messages draw the same delays and every cluster line, vote and write count is the same.
        var (on, scenario) = Split.Value;
        Assert.Equal(SimDuration.FromSeconds(60), scenario.World.Client.TopologyRefresh);
        var world = scenario.World with { Client = scenario.World.Client with { TopologyRefresh = ClientSettings.Never } };
        var off = DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, 50, new RunOptions(KeepSamples: false));

        Assert.Equal(Lines(off, ""), Lines(on, ""));
        Assert.Equal(ClusterElections.Of(off), ClusterElections.Of(on));
        Assert.Equal(off.Failover, on.Failover);
        Assert.Equal(off.Writes, on.Writes);
    }

    [Fact]
    public void UsualRun_OneElectionWon_NoSplitSentence()
    {
        // Seed 42: the rank-0 replica asks alone (its sibling's random delay put it in a later cron tick) and wins.
        var (result, scenario) = Run(42);

        Assert.Single(ClusterElections.Of(result));
        Assert.True(ClusterElections.Of(result)[0].Won);
        Assert.Null(ClusterElections.SplitVoteSentence(result, scenario.World));
        Assert.DoesNotContain("split the votes", RunVerdict.Paragraph(result, scenario.World), StringComparison.Ordinal);
    }

    private static IEnumerable<TraceEvent> Lines(PathResult result, string text) =>
        result.Events.Where(e => e.Kind == "cluster" && e.Text.Contains(text, StringComparison.Ordinal));

    private static long DelayMs(TraceEvent e) =>
        long.Parse(Regex.Match(e.Text, @"delayed for (\d+) milliseconds").Groups[1].Value, CultureInfo.InvariantCulture);

    private static (PathResult, Scenario) Run(ulong seed)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "cluster-full-coverage.yaml"));
        return (DeploymentPaths.Run(DeploymentPaths.SelfHosted, scenario.World, seed, new RunOptions(KeepSamples: false)), scenario);
    }
}
