namespace RedisFailoverSim.Tests.Sweep;

public sealed class MergeCommandTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void Merge_ShardMissing_ExitsTwoNamingIt()
    {
        Shard("a", "0/3");
        Shard("b", "2/3");

        var exit = _sweep.Run("merge", _sweep.Folder("a"), _sweep.Folder("b"), "--out", _sweep.Folder("merged"));

        Assert.Equal(2, exit);
        Assert.Equal("rfsim merge: missing shard(s) 1/3: every shard 0/3 ... 2/3 is needed once\n", Problems());
        Assert.False(Directory.Exists(_sweep.Folder("merged")));
    }

    [Fact]
    public void Merge_ShardTwice_ExitsTwoNamingBothFolders()
    {
        Shard("a", "0/2");
        Shard("b", "1/2");
        Shard("c", "1/2");

        var exit = _sweep.Run("merge", _sweep.Folder("a"), _sweep.Folder("b"), _sweep.Folder("c"));

        Assert.Equal(2, exit);
        Assert.Equal($"rfsim merge: shard 1/2 given 2 times: '{_sweep.Folder("b")}', '{_sweep.Folder("c")}'\n", Problems());
    }

    [Fact]
    public void Merge_PartialsOfDifferentSeeds_ExitsTwoSayingTheyDisagree()
    {
        Shard("a", "0/2");
        Shard("b", "1/2", "--seed", "8");

        var exit = _sweep.Run("merge", _sweep.Folder("a"), _sweep.Folder("b"));

        Assert.Equal(2, exit);
        Assert.Equal(
            $"rfsim merge: partials disagree on seed: '{_sweep.Folder("b")}' has 8, '{_sweep.Folder("a")}' has 7 "
            + "(only the shards of one sweep merge)\n",
            Problems());
    }

    [Fact]
    public void Merge_PartialsOfDifferentScenarioFiles_ExitsTwoNamingTheHash()
    {
        Shard("a", "0/2");
        File.AppendAllText(_sweep.ScenarioFile, "# edited\n");
        Shard("b", "1/2");

        var exit = _sweep.Run("merge", _sweep.Folder("a"), _sweep.Folder("b"));

        Assert.Equal(2, exit);
        Assert.StartsWith("rfsim merge: partials disagree on scenario sha256: ", Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_PartialsOfDifferentVary_ExitsTwoSayingTheyDisagree()
    {
        Shard("a", "0/2", "--vary", "workload.rate=40..50:2");
        Shard("b", "1/2", "--vary", "workload.rate=40..60:2");

        var exit = _sweep.Run("merge", _sweep.Folder("a"), _sweep.Folder("b"));

        Assert.Equal(2, exit);
        Assert.Equal(
            $"rfsim merge: partials disagree on vary: '{_sweep.Folder("b")}' has workload.rate=40..60:2=[40,60], "
            + $"'{_sweep.Folder("a")}' has workload.rate=40..50:2=[40,50] (only the shards of one sweep merge)\n",
            Problems());
    }

    [Fact]
    public void Merge_FolderWithoutPartial_ExitsTwoSayingWhatWasExpected()
    {
        Directory.CreateDirectory(_sweep.Folder("empty"));

        var exit = _sweep.Run("merge", _sweep.Folder("empty"));

        Assert.Equal(2, exit);
        Assert.Equal(
            $"rfsim merge: '{_sweep.Folder("empty")}': no sweep-partial.json (expected the --out folder of 'rfsim sweep --shard i/n')\n",
            Problems());
    }

    [Fact]
    public void Merge_CorruptPartial_ExitsTwoNamingTheFile()
    {
        Directory.CreateDirectory(_sweep.Folder("corrupt"));
        var file = Path.Combine(_sweep.Folder("corrupt"), "sweep-partial.json");
        File.WriteAllText(file, "{\"kind\": \"sweep\"}\n");

        var exit = _sweep.Run("merge", _sweep.Folder("corrupt"));

        Assert.Equal(2, exit);
        Assert.Equal($"rfsim merge: {file}: not a sweep-partial.json (no \"kind\": \"sweep-partial\")\n", Problems());
    }

    private void Shard(string folder, string shard, params string[] more) =>
        Assert.Equal(0, _sweep.Run(["sweep", _sweep.ScenarioFile, "--runs", "3", "--shard", shard, "--out", _sweep.Folder(folder), .. more]));

    private string Problems() => _sweep.Error.ToString().ReplaceLineEndings("\n");
}
