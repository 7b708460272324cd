using System.Diagnostics;
using RedisFailoverSim.Tests.Sweep;

namespace RedisFailoverSim.Tests.Cli.Process;

/// <summary>
/// The real rfsim process stopped by SIGTERM (a Slurm time limit, <c>docker stop</c>, <c>kill</c>) and by SIGKILL:
/// the first cleans up and exits 143; after the second, which nothing can catch, the next run sweeps the leftovers.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public SignalTests()
    {
        // Long enough (an hour of simulated writes on four paths) to be mid-run when the signal comes.
        File.WriteAllText(_sweep.ScenarioFile, SweepFixture.Yaml.Replace("duration: 30s", "duration: 3600s", StringComparison.Ordinal) + "\n");
    }

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void Sigterm_MidRun_Exits143AndLeavesNothing()
    {
        using var rfsim = Start("run", _sweep.ScenarioFile, "--out", _sweep.Folder("out"));
        WaitForProgress(rfsim);

        Signal("TERM", rfsim.Id);

        Assert.True(rfsim.WaitForExit(60_000));
        Assert.Equal(143, rfsim.ExitCode);
        Assert.Contains("nothing was written", rfsim.StandardError.ReadToEnd(), StringComparison.Ordinal);
        Assert.Equal(["crash.yaml"], Directory.EnumerateFileSystemEntries(_sweep.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Sigkill_MidRun_NextRunSweepsTheStagingFolder()
    {
        using (var killed = Start("run", _sweep.ScenarioFile, "--out", _sweep.Folder("out")))
        {
            WaitForProgress(killed);
            killed.Kill();
            Assert.True(killed.WaitForExit(30_000));
        }

        var staging = Assert.Single(Directory.GetDirectories(_sweep.Root));
        Assert.StartsWith(_sweep.Folder("out") + ".tmp-", staging, StringComparison.Ordinal);
        File.WriteAllText(_sweep.ScenarioFile, SweepFixture.Yaml + "\n");

        var exit = _sweep.Run("run", _sweep.ScenarioFile, "--out", _sweep.Folder("out"), "--no-charts", "--quiet");

        Assert.Equal(0, exit);
        Assert.Equal(["crash.yaml", "out"], Directory.EnumerateFileSystemEntries(_sweep.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static System.Diagnostics.Process Start(params string[] args) => RealCli.Start(args);

    // The progress lines go to stderr when it is not a terminal: the first one means the simulation has begun.
    private static void WaitForProgress(System.Diagnostics.Process rfsim)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var line = rfsim.StandardError.ReadLine();
            Assert.NotNull(line);
            if (line.StartsWith("progress ", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail("rfsim printed no progress within 60 s");
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
