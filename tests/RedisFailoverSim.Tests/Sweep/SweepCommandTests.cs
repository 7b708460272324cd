using System.Text.Json;
using RedisFailoverSim.Reporting.Sweep;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Sweep;

public sealed class SweepCommandTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void Sweep_OneWorkerAndTwoWorkers_WriteTheSameBytes()
    {
        var one = _sweep.Folder("k1");
        var two = _sweep.Folder("k2");

        // One of the two under de-DE: the files must not depend on the culture either.
        var exitOne = CultureScope.Run("de-DE", () => _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "6", "--parallel", "1", "--no-charts", "--out", one));
        var exitTwo = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "6", "--parallel", "2", "--no-charts", "--out", two);

        Assert.Equal((0, 0), (exitOne, exitTwo));
        Assert.Equal(["replications.csv", "report.html", "report.md", "rfsim-manifest.json", "sweep.csv", "sweep.json"], SweepFixture.Files(one).Select(f => f.Name));
        Assert.Equal(SweepFixture.Files(one), SweepFixture.Files(two), FileComparer.Instance);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(two, "sweep.json")));
        var lost = json.RootElement.GetProperty("points")[0].GetProperty("paths")[0].GetProperty("acknowledgedLost");
        Assert.Equal(6, lost.GetProperty("count").GetInt32());
        Assert.Equal(7UL, json.RootElement.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void Sweep_ReplicationSeeds_AreDerivedFromTheMasterSeedAndIndex()
    {
        var folder = _sweep.Folder("seeds");

        Assert.Equal(0, _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "3", "--seed", "11", "--paths", "self-hosted", "--no-charts", "--out", folder));

        var seeds = File.ReadAllLines(Path.Combine(folder, "replications.csv")).Skip(1).Select(l => l.Split(',')[4]).ToList();
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => SweepSetup.ReplicationSeed(11, i).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            seeds);
        Assert.Equal(2470122610417292697UL, SweepSetup.ReplicationSeed(11, 0));
    }

    [Fact]
    public void SweepShardsThenMerge_ThreeShardsOfAGrid_EqualTheSingleRunByteForByte()
    {
        var single = _sweep.Folder("single");
        var merged = _sweep.Folder("merged");
        string[] common = ["sweep", _sweep.ScenarioFile, "--runs", "5", "--parallel", "2", "--vary", "sentinel.down-after-milliseconds=2000..8000:2"];

        Assert.Equal(0, _sweep.Run([.. common, "--out", single]));
        foreach (var shard in new[] { 2, 0, 1 })
        {
            Assert.Equal(0, _sweep.Run([.. common, "--shard", $"{shard}/3", "--out", _sweep.Folder($"part-{shard}")]));
        }

        var exit = _sweep.Run("merge", _sweep.Folder("part-1"), _sweep.Folder("part-2"), _sweep.Folder("part-0"), "--out", merged);

        Assert.Equal(0, exit);
        Assert.Equal("", _sweep.Error.ToString());
        Assert.Equal(18, SweepFixture.Files(single).Count); // 17 outputs (6 charts × PNG and SVG, report.md and report.html too) and rfsim-manifest.json
        Assert.Equal(SweepFixture.Files(single), SweepFixture.Files(merged), FileComparer.Instance);
        Assert.Equal(["rfsim-manifest.json", "sweep-partial.json"], SweepFixture.Files(_sweep.Folder("part-0")).Select(f => f.Name));
    }

    [Fact]
    public void Sweep_VaryDuration_WritesEachGridValueAsTheLoaderReadsIt()
    {
        var folder = _sweep.Folder("vary");

        var exit = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "1", "--no-charts", "--out", folder, "--vary", "faults[0].duration=5s..12s:3");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "sweep.json")));
        var settings = json.RootElement.GetProperty("points").EnumerateArray()
            .Select(p => p.GetProperty("settings").GetProperty("faults[0].duration").GetString())
            .ToList();
        Assert.Equal(["5s", "8.5s", "12s"], settings);
        Assert.Contains("vary faults[0].duration: 5s, 8.5s, 12s", _sweep.Out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--vary", "sentinel.quorum" }, "rfsim: --vary expected name=from..to:steps (e.g. faults[0].duration=5s..120s:8) or name=a,b,c (e.g. client.library=stackexchange-redis,redis-py); found 'sentinel.quorum'")]
    [InlineData(new[] { "--vary", "workload.rate=10..20:1" }, "rfsim: --vary 'workload.rate=10..20:1': steps must be a whole number from 2 to 1000 (the values include both ends); found '1'")]
    [InlineData(new[] { "--vary", "faults[0].duration=500ms..2s:4" }, "rfsim: --vary 'faults[0].duration=500ms..2s:4': write both ends in the same unit (found 'ms' and 's'), e.g. 500ms..2000ms")]
    [InlineData(new[] { "--vary", "workload.rate=1..2:3" }, "rfsim: --vary 'workload.rate=1..2:3': 3 steps give the value 2 twice after rounding; use fewer steps or write the ends with a decimal point (e.g. 1.0..2.0)")]
    [InlineData(new[] { "--vary", "a=1..2:2", "--vary", "b=1..2:2", "--vary", "c=1..2:2" }, "rfsim: --vary: at most 2 (a grid of two settings); found 3")]
    [InlineData(new[] { "--vary", "workload.rate=1..2:2", "--vary", "workload.rate=3..4:2" }, "rfsim: --vary: 'workload.rate' is varied twice")]
    [InlineData(new[] { "--shard", "4/4" }, "rfsim: --shard '4/4': expected 0 <= i < n, e.g. 0/4 ... 3/4")]
    [InlineData(new[] { "--shard", "1-4" }, "rfsim: --shard expected i/n, shard i (from 0) of n, e.g. 0/4 ... 3/4; found '1-4'")]
    [InlineData(new[] { "--shard", "0/9" }, "rfsim: --shard '0/9': 9 shards for 8 runs would leave some shards empty; use at most 8 shards")]
    [InlineData(new[] { "--parallel", "0" }, "rfsim: --parallel: expected at least 1; found 0")]
    public void Sweep_BadOption_ExitsTwoWithOneClearLine(string[] options, string expected)
    {
        var exit = _sweep.Run(["sweep", _sweep.ScenarioFile, "--runs", "8", "--out", _sweep.Folder("bad"), .. options]);

        Assert.Equal(2, exit);
        Assert.Equal(expected + "\nsee: rfsim sweep --help\n", _sweep.Error.ToString().ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(_sweep.Folder("bad")));
    }

    [Fact]
    public void Sweep_VaryValueTheLoaderRejects_ExitsTwoNamingTheOverride()
    {
        var exit = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "2", "--out", _sweep.Folder("bad"), "--vary", "sentinel.quorum=1..5:2");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"{_sweep.ScenarioFile}: sentinel.quorum: expected a quorum from 1 to the number of sentinels (3); found 5 "
            + "(set by override sentinel.quorum=5)\n",
            _sweep.Error.ToString().ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(_sweep.Folder("bad")));
    }

    [Fact]
    public void Sweep_VaryUnknownKey_ExitsTwoWithTheLoadersSuggestion()
    {
        var exit = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "2", "--vary", "sentinel.down-after=1000..2000:2");

        Assert.Equal(2, exit);
        var error = _sweep.Error.ToString();
        Assert.Contains("sentinel: unknown key 'down-after'", error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'down-after-milliseconds'?", error, StringComparison.Ordinal);
        Assert.Contains("(set by override sentinel.down-after=1000)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_RunsZero_ExitsTwo()
    {
        var exit = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "0");

        Assert.Equal(2, exit);
        Assert.Equal("rfsim: --runs: expected 1 to 1,000,000; found 0\nsee: rfsim sweep --help\n", _sweep.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Sweep_AgainIntoAnEarlierSweepFolder_ReplacesIt()
    {
        var folder = _sweep.Folder("again");
        Assert.Equal(0, _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "2", "--paths", "memorydb", "--no-charts", "--out", folder));

        var exit = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "3", "--paths", "memorydb", "--no-charts", "--out", folder);

        Assert.Equal(0, exit);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(folder, "replications.csv")).Length);
        Assert.Equal(["again", "crash.yaml"], Directory.EnumerateFileSystemEntries(_sweep.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sweep")]
    [InlineData("merge")]
    public void Help_SweepAndMerge_ExitZeroWithTheirExamples(string verb)
    {
        var exit = _sweep.Run(verb, "--help");

        Assert.Equal(0, exit);
        Assert.Contains($"  rfsim {verb} ", _sweep.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _sweep.Error.ToString());
    }

    [Fact]
    public void SweepShardsThenMerge_ListOfClientLibraries_ComparisonFigureAndTheSameBytes()
    {
        var single = _sweep.Folder("libraries");
        var merged = _sweep.Folder("libraries-merged");
        string[] common = ["sweep", _sweep.ScenarioFile, "--runs", "2", "--parallel", "2", "--vary", "client.library=redis-py,ioredis"];

        Assert.Equal(0, _sweep.Run([.. common, "--out", single]));
        foreach (var shard in new[] { 1, 0 })
        {
            Assert.Equal(0, _sweep.Run([.. common, "--shard", $"{shard}/2", "--out", _sweep.Folder($"lib-part-{shard}")]));
        }

        Assert.Equal(0, _sweep.Run("merge", _sweep.Folder("lib-part-0"), _sweep.Folder("lib-part-1"), "--out", merged));
        Assert.Equal(SweepFixture.Files(single), SweepFixture.Files(merged), FileComparer.Instance);
        Assert.Contains("comparison.png", SweepFixture.Files(single).Select(f => f.Name));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(single, "sweep.json")));
        var vary = json.RootElement.GetProperty("vary")[0];
        Assert.True(vary.GetProperty("list").GetBoolean());
        var settings = json.RootElement.GetProperty("points").EnumerateArray()
            .Select(p => p.GetProperty("settings").GetProperty("client.library").GetString())
            .ToList();
        Assert.Equal(["redis-py", "ioredis"], settings);
        var report = File.ReadAllText(Path.Combine(single, "report.md"));
        Assert.Contains("over 2 values: redis-py, ioredis.", report, StringComparison.Ordinal);
        Assert.Contains("--vary 'client.library=redis-py,ioredis'", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_VaryListWithAnUnknownLibrary_ExitsTwoWithTheLoadersSuggestion()
    {
        var exit = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "1", "--no-charts", "--out", _sweep.Folder("bad-lib"), "--vary", "client.library=redis-py,iordis");

        Assert.Equal(2, exit);
        Assert.Contains("did you mean 'ioredis'?", _sweep.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_VaryGivenTwiceAsOptions_SweepsTheGrid()
    {
        var folder = _sweep.Folder("grid");

        var exit = _sweep.Run(
            "sweep", _sweep.ScenarioFile, "--runs", "1", "--paths", "self-hosted", "--no-charts", "--out", folder,
            "--vary", "sentinel.down-after-milliseconds=2000..8000:2", "--vary", "workload.rate=40..60:3");

        Assert.Equal(0, exit);
        var points = File.ReadAllLines(Path.Combine(folder, "sweep.csv")).Skip(1).Select(l => string.Join(',', l.Split(',')[4..8])).ToList();
        Assert.Equal(
        [
            "sentinel.down-after-milliseconds,2000,workload.rate,40",
            "sentinel.down-after-milliseconds,2000,workload.rate,50",
            "sentinel.down-after-milliseconds,2000,workload.rate,60",
            "sentinel.down-after-milliseconds,8000,workload.rate,40",
            "sentinel.down-after-milliseconds,8000,workload.rate,50",
            "sentinel.down-after-milliseconds,8000,workload.rate,60",
        ],
            points);
    }

    [Fact]
    public void Run_SeedGivenTwice_IsStillRefused()
    {
        // Repeated options are allowed for sweep's --vary only; every other verb keeps refusing them.
        var exit = _sweep.Run("run", _sweep.ScenarioFile, "--seed", "1", "--seed", "2", "--out", _sweep.Folder("run"));

        Assert.Equal(2, exit);
        Assert.StartsWith("rfsim: Option 'seed' is defined multiple times.", _sweep.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_CancelledIntoAnEarlierSweepFolder_ExitsOneThirtyAndKeepsTheEarlierFolder()
    {
        var folder = _sweep.Folder("kept");
        Assert.Equal(0, _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "2", "--paths", "memorydb", "--no-charts", "--out", folder));
        var before = SweepFixture.Files(folder);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var exit = _sweep.Run(cancelled.Token, "sweep", _sweep.ScenarioFile, "--runs", "5", "--no-charts", "--out", folder);

        Assert.Equal(130, exit);
        Assert.Equal(before, SweepFixture.Files(folder), FileComparer.Instance);
        Assert.Equal(["crash.yaml", "kept"], Directory.EnumerateFileSystemEntries(_sweep.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
