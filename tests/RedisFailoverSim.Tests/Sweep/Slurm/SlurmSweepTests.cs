using System.Text.RegularExpressions;
using RedisFailoverSim.Cli;

namespace RedisFailoverSim.Tests.Sweep.Slurm;

/// <summary>
/// <c>rfsim sweep --emit slurm</c> for real: the emitted scripts submitted to a one-node Slurm cluster on localhost
/// (an array job of 4 shards, each a separate rfsim process, then the dependent merge job), and the merged folder
/// compared byte for byte with the same sweep run in one piece.
/// </summary>
public sealed class SlurmSweepTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void EmitSlurm_FourShardArrayOnLocalhost_MergedEqualsTheLocalSweepByteForByte()
    {
        using var slurm = LocalSlurm.TryStart();
        if (slurm is null)
        {
            Assert.False(LocalSlurm.InCi);
            return;
        }

        var jobs = _sweep.Folder("jobs");
        Assert.Equal(0, _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "8", "--shards", "4", "--emit", "slurm", "--out", jobs));

        var (exit, output) = slurm.Client(Path.Combine(jobs, "submit.sh"));
        Assert.True(exit == 0, output);
        var merge = Regex.Match(output, @"merge job (\d+)").Groups[1].Value;
        // CI runs this beside the whole suite on two cores: the budget is generous, and a job that outlives it is
        // shown with the processes it still has (a stuck slurmstepd or dotnet), not only its logs.
        var completed = slurm.WaitForJob(merge, TimeSpan.FromSeconds(300), out var state);
        Assert.True(completed, $"merge job {merge}: {state}\n{Logs(jobs)}\n{slurm.Diagnostics(merge)}");

        // The shards ran as processes of the real build; the local sweep runs in this process as the same build.
        Assert.Equal(0, _sweep.Run(CliEnvironment.ThisTool, CancellationToken.None,
            "sweep", _sweep.ScenarioFile, "--runs", "8", "--quiet", "--out", _sweep.Folder("local")));
        var merged = SweepFixture.Files(Path.Combine(jobs, "merged"));
        var local = SweepFixture.Files(_sweep.Folder("local"));
        Assert.Contains(merged, f => f.Name == "sweep.json");
        Assert.Equal(local.Select(f => f.Name), merged.Select(f => f.Name));
        Assert.Equal(local, merged, FileComparer.Instance);
        Assert.Equal(4, Directory.GetDirectories(jobs, "shard-*").Length);
    }

    private static string Logs(string jobs) =>
        string.Join("\n", Directory.GetFiles(Path.Combine(jobs, "logs")).Order(StringComparer.Ordinal)
            .Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
}
