using RedisFailoverSim.Cli;
using RedisFailoverSim.Cli.Sweep;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Sweep;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Sweep;

public sealed class SweepRunnerTests
{
    private static readonly SweepSetup Setup = new(
        "s", "d", "sha", "s.yaml", Seed: 5, Runs: 9, SweepFixture.Tool, ["memorydb", "self-hosted"], []);

    [Fact]
    public void Run_FourWorkers_FillEachCellWithItsOwnSeedsResult()
    {
        var one = Run(parallel: 1, shard: null);
        var four = Run(parallel: 4, shard: null);

        for (var run = 0; run < Setup.Runs; run++)
        {
            for (var path = 0; path < 2; path++)
            {
                var expected = Lost(Setup.Paths[path], SweepSetup.ReplicationSeed(5, run));
                Assert.Equal(expected, one[0, path, run]!.Value.AcknowledgedLost);
                Assert.Equal(expected, four[0, path, run]!.Value.AcknowledgedLost);
            }
        }
    }

    [Fact]
    public void Run_ShardOneOfFour_FillsOnlyReplicationsOneAndFive()
    {
        var table = Run(parallel: 2, shard: new SweepShard(1, 4));

        var filled = Enumerable.Range(0, Setup.Runs).Where(run => table[0, 1, run].HasValue).ToList();
        Assert.Equal([1, 5], filled);
        Assert.Equal(4, table.FilledCount);
    }

    [Fact]
    public void Sweep_ReplicationHitsAnInvariant_ExitsThreeWithTheCommandThatReplaysIt()
    {
        using var fixture = new SweepFixture();
        var failing = SweepSetup.ReplicationSeed(7, 2);
        var error = new StringWriter();
        var env = new CliEnvironment(
            new StringWriter(),
            error,
            ScenarioLoader.Load,
            (path, world, seed, options) => seed == failing && path == "self-hosted"
                ? throw new InvariantViolatedException("replica.Offset <= primary.Offset")
                : ReportFixtures.SplitBrain() with { Path = path },
            DeploymentPaths.Available,
            ModelDefaults.All,
            [],
            [fixture.Root],
            SweepFixture.Tool,
            CancellationToken.None);

        var exit = CliApp.Run(["sweep", fixture.ScenarioFile, "--runs", "4", "--parallel", "2", "--quiet", "--out", fixture.Folder("out")], env);

        Assert.Equal(3, exit);
        Assert.Equal(
            $"internal error: replication 2 (seed {failing}) of point 0 on path self-hosted: invariant violated: replica.Offset <= primary.Offset\n"
            + $"replay with: rfsim run {fixture.ScenarioFile} --seed {failing} --paths self-hosted\n",
            error.ToString().ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(fixture.Folder("out")));
    }

    private static long Lost(string path, ulong seed) => (long)(seed % 1000) + (path == "memorydb" ? 0 : 1000);

    private static ReplicationTable Run(int parallel, SweepShard? shard) => SweepRunner.Run(
        Setup,
        [ReportFixtures.World()],
        shard,
        parallel,
        new RunOptions(KeepSamples: false),
        (path, _, seed, options) => ReportFixtures.SplitBrain() with
        {
            Path = path,
            Writes = new WriteCounts(10, 10, Lost(path, seed), 0, 0, 0),
        },
        new Progress<double>(),
        CancellationToken.None);
}
