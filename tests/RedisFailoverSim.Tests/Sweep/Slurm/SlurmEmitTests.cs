namespace RedisFailoverSim.Tests.Sweep.Slurm;

/// <summary>
/// The Slurm job folder of <c>rfsim sweep --emit slurm</c>: an sbatch array whose task i runs shard i/N with every
/// option the shards must share made explicit, a merge job depending on the whole array (docs/sources.md §14), and
/// the option checks. That Slurm really runs them is <see cref="SlurmSweepTests"/>.
/// </summary>
public sealed class SlurmEmitTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void EmitSlurm_FourShards_ArrayTaskIRunsShardIOfFourWithTheSharedOptionsExplicit()
    {
        var jobs = Emit("--runs", "10", "--shards", "4", "--paths", "self-hosted,memorydb", "--vary", "workload.rate=40..60:3");

        var sweep = File.ReadAllText(Path.Combine(jobs, "sweep.sbatch"));
        Assert.Contains("\n#SBATCH --array=0-3\n", sweep, StringComparison.Ordinal);
        Assert.Contains("\n#SBATCH --cpus-per-task=1\n", sweep, StringComparison.Ordinal);
        Assert.Contains($"\n#SBATCH --output={jobs}/logs/shard-%a.log\n", sweep, StringComparison.Ordinal);
        // The scenario's seed (7) and the selected paths (in the tool's order) are written out, so no shard falls back on a default.
        Assert.Contains(
            $" sweep {_sweep.ScenarioFile} --runs 10 --seed 7 --paths memorydb,self-hosted --vary workload.rate=40..60:3 "
            + $"--parallel \"$SLURM_CPUS_PER_TASK\" --shard \"$SLURM_ARRAY_TASK_ID/4\" --out {jobs}/shard-\"$SLURM_ARRAY_TASK_ID\" "
            + "--quiet --no-charts\n",
            sweep,
            StringComparison.Ordinal);
        Assert.Empty(_sweep.Error.ToString());
    }

    [Fact]
    public void EmitSlurm_MergeJob_DependsOnTheWholeArrayAndMergesEveryShard()
    {
        var jobs = Emit("--runs", "10", "--shards", "4");

        var merge = File.ReadAllText(Path.Combine(jobs, "merge.sbatch"));
        Assert.Contains($" merge {jobs}/shard-{{0..3}} --out {jobs}/merged\n", merge, StringComparison.Ordinal);
        Assert.Contains("\n#SBATCH --kill-on-invalid-dep=yes\n", merge, StringComparison.Ordinal);
        var submit = File.ReadAllText(Path.Combine(jobs, "submit.sh"));
        Assert.Contains($"sweep=$(sbatch --parsable \"$@\" {jobs}/sweep.sbatch)\n", submit, StringComparison.Ordinal);
        Assert.Contains($"--dependency=afterok:\"$sweep\" {jobs}/merge.sbatch)\n", submit, StringComparison.Ordinal);
    }

    [Fact]
    public void EmitSlurm_Scripts_AreExecutableAndParseInTheirShells()
    {
        var jobs = Emit("--runs", "3", "--shards", "3");

        foreach (var (name, shell) in new[] { ("sweep.sbatch", "bash"), ("merge.sbatch", "bash"), ("submit.sh", "sh") })
        {
            var path = Path.Combine(jobs, name);
            Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), name);
            var (exit, output) = Commands.Run(shell, ["-n", path]);
            Assert.True(exit == 0, $"{name}: {output}");
        }

        Assert.True(Directory.Exists(Path.Combine(jobs, "logs")));
    }

    [Fact]
    public void EmitSlurm_RfsimOverride_ReadFromTheEnvironmentBeforeTheSubmittingCommand()
    {
        var jobs = Emit("--runs", "2", "--shards", "2");

        var sweep = File.ReadAllText(Path.Combine(jobs, "sweep.sbatch"));
        Assert.Contains("if [ -n \"${RFSIM:-}\" ]; then read -r -a rfsim <<< \"$RFSIM\"; else rfsim=(", sweep, StringComparison.Ordinal);
        Assert.Contains(typeof(RedisFailoverSim.Cli.CliApp).Assembly.Location + "); fi\n", sweep, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--runs", "4", "--emit", "slurm" }, "rfsim: --emit: needs --shards N, the number of array tasks")]
    [InlineData(new[] { "--runs", "4", "--shards", "2" }, "rfsim: --shards: only with --emit TARGET (to run one shard here, use --shard i/n)")]
    [InlineData(new[] { "--runs", "4", "--shards", "5", "--emit", "slurm" }, "rfsim: --shards: expected 1 ... 4 (at most one shard per run); found 5")]
    [InlineData(new[] { "--runs", "4", "--shards", "2", "--emit", "pbs" }, "rfsim: --emit: expected one of slurm, kubernetes, aws-batch; found 'pbs'")]
    [InlineData(new[] { "--runs", "4", "--shards", "2", "--emit", "slurm", "--image", "x" },
        "rfsim: --image: only with --emit kubernetes or aws-batch (Slurm runs the build on its shared file system)")]
    [InlineData(new[] { "--runs", "4", "--image", "x" }, "rfsim: --image: only with --emit kubernetes or aws-batch")]
    [InlineData(new[] { "--runs", "4", "--shards", "2", "--emit", "slurm", "--shard", "0/2" },
        "rfsim: --shard: not with --emit (the emitted jobs run every shard; give their count with --shards N)")]
    public void Emit_BadOptions_ExitTwoWithTheProblem(string[] options, string expected)
    {
        var exit = _sweep.Run(["sweep", _sweep.ScenarioFile, .. options, "--out", _sweep.Folder("jobs")]);

        Assert.Equal(2, exit);
        Assert.Equal(expected + "\nsee: rfsim sweep --help\n", _sweep.Error.ToString());
        Assert.False(Directory.Exists(_sweep.Folder("jobs")));
    }

    [Fact]
    public void EmitSlurm_JobFolderWithASpace_ExitsTwoSayingWhy()
    {
        var exit = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "2", "--shards", "2", "--emit", "slurm", "--out", _sweep.Folder("my jobs"));

        Assert.Equal(2, exit);
        Assert.Contains("the job folder's path must not contain spaces", _sweep.Error.ToString(), StringComparison.Ordinal);
    }

    private string Emit(params string[] options)
    {
        var jobs = _sweep.Folder("jobs");
        var exit = _sweep.Run(["sweep", _sweep.ScenarioFile, .. options, "--emit", "slurm", "--out", jobs]);
        Assert.True(exit == 0, _sweep.Error.ToString());
        return jobs;
    }
}
