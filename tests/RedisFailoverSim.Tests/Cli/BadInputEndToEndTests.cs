using RedisFailoverSim.Cli;
using RedisFailoverSim.Tests.Sweep;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// The inputs of issue 12 that used to crash or be silently accepted, through the real loader, paths, charts and
/// report writers: each ends with exit 0/1 and a whole folder, or exit 2 with one clear line and nothing written.
/// </summary>
public sealed class BadInputEndToEndTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void Run_PathThatAcknowledgesNoWrite_WritesEveryChartAndReport()
    {
        // min-replicas-to-write 10 with two replicas: self-hosted refuses every write (NOREPLICAS), so no write is
        // acknowledged; the lost-writes chart used to throw from an empty quantile.
        File.AppendAllText(_sweep.ScenarioFile, "redis: { min-replicas-to-write: 10 }\npaths: [self-hosted]\n");
        var folder = _sweep.Folder("out");

        var exit = Run("run", _sweep.ScenarioFile, "--out", folder, "--quiet");

        Assert.Equal(0, exit);
        Assert.Equal("", _sweep.Error.ToString());
        Assert.True(new FileInfo(Path.Combine(folder, "lost-writes.png")).Length > 1000);
        Assert.Contains("self-hosted", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list", "foo", "list takes no arguments; unexpected 'foo'")]
    [InlineData("run", "{scenario} {scenario}", "run takes one scenario file or bundled scenario name; unexpected '{scenario}'")]
    [InlineData("validate", "{scenario} extra", "validate takes one scenario file; unexpected 'extra'")]
    [InlineData("run", "{scenario} --paths", "--paths: expected a value; found an empty one")]
    [InlineData("run", "{scenario} --out", "--out: expected a value; found an empty one")]
    [InlineData("sweep", "{scenario} --runs 1000000000", "--runs: expected 1 to 1,000,000; found 1000000000")]
    [InlineData("sweep", "{scenario} --runs 100000 --vary sentinel.down-after-milliseconds=1000..9000:200", "is 20,000,000 replications per path; at most 10,000,000")]
    public void CommandLine_ThatUsedToBeIgnoredOrCrash_ExitsTwoWithOneLine(string verb, string rest, string expected)
    {
        // A trailing "--paths" / "--out" gets the empty value the shell passes for an unset variable.
        var args = new List<string> { verb };
        args.AddRange(rest.Replace("{scenario}", _sweep.ScenarioFile, StringComparison.Ordinal).Split(' '));
        if (rest.EndsWith("--paths", StringComparison.Ordinal) || rest.EndsWith("--out", StringComparison.Ordinal))
        {
            args.Add("");
        }

        var exit = Run([.. args]);

        Assert.Equal(2, exit);
        Assert.Contains(expected.Replace("{scenario}", _sweep.ScenarioFile, StringComparison.Ordinal), _sweep.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _sweep.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["crash.yaml"], Directory.EnumerateFileSystemEntries(_sweep.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_DurabilityOnRedisOss_ExitsTwoAtTheDurabilityLine()
    {
        // docs/sources.md §4.5: durability needs Valkey 9.0 or later; the error names the file and line of the key.
        int line = File.ReadAllLines(_sweep.ScenarioFile).Length + 3;
        File.AppendAllText(_sweep.ScenarioFile, "elasticache:\n  engine-version: redis-oss-7.1\n  durability: async\n");

        var exit = Run("run", _sweep.ScenarioFile, "--out", _sweep.Folder("out"), "--quiet");

        Assert.Equal(2, exit);
        Assert.Contains($"crash.yaml:{line}:3: elasticache.durability: async needs engine-version valkey-9.0 or later", _sweep.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _sweep.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wait-on-serverless", "ElastiCache Serverless refuses WAIT: 'wait' is on the list of commands unavailable for serverless caches")]
    [InlineData("wait-on-memorydb", "MemoryDB does not list WAIT among its restricted commands but documents no answer to it")]
    public void Run_WaitOnAPathThatCannotRunIt_ExitsTwoAtTheWaitKeyCitingTheDoc(string name, string expected)
    {
        // docs/sources.md §5.3, §6.4: the error names the file, line and column of workload.wait and the AWS page.
        var file = RedisFailoverSim.Tests.Scenarios.RepositoryFiles.TestData($"Bad/{name}.yaml");

        var exit = Run("run", file, "--out", _sweep.Folder("out"), "--quiet");

        Assert.Equal(2, exit);
        Assert.Contains($"{name}.yaml:14:9: workload.wait: {expected}", _sweep.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://docs.aws.amazon.com/", _sweep.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _sweep.Error.ToString(), StringComparison.Ordinal);
    }

    private int Run(params string[] args) => CliApp.Run(args, RealCli.Environment(_sweep.Out, _sweep.Error, _sweep.Root));
}
