using RedisFailoverSim.Cli.Commands;
using RedisFailoverSim.Tests.Sweep;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// The runaways of issue 12 (each ran past two minutes and 2–5 GB before it was killed) are refused before the
/// simulation starts, with the estimate; <c>--force</c> lets a refused run through.
/// </summary>
public sealed class WorkGuardTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Theory]
    [InlineData("rate: 50", "rate: 1000000")]
    [InlineData("duration: 30s", "duration: 30d")]
    [InlineData("sentinels: { az-a: 1, az-b: 1, az-c: 1 }", "sentinels: { az-a: 1000, az-b: 1000, az-c: 1000 }")]
    [InlineData("faults:\n", "faults:\n  - { kind: traffic-burst, at: 5s, duration: 20s, rate-multiplier: 1000000 }\n")]
    public void Run_Runaway_IsRefusedAtOnceWithTheEstimate(string from, string to)
    {
        File.WriteAllText(_sweep.ScenarioFile, SweepFixture.Yaml.Replace(from, to, StringComparison.Ordinal) + "\n");

        var exit = _sweep.Run("run", _sweep.ScenarioFile, "--out", _sweep.Folder("out"), "--quiet");

        Assert.Equal(2, exit);
        var error = _sweep.Error.ToString();
        Assert.Contains("rfsim run of this scenario would take more than 10 minutes", error, StringComparison.Ordinal);
        Assert.Contains("engine events: about", error, StringComparison.Ordinal);
        Assert.Contains("add --force to run it anyway", error, StringComparison.Ordinal);
        Assert.Equal(["crash.yaml"], Directory.EnumerateFileSystemEntries(_sweep.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Sweep_GridReachingARunawayRate_IsRefused()
    {
        var exit = _sweep.Run("sweep", _sweep.ScenarioFile, "--runs", "10", "--vary", "workload.rate=10..10000000:2", "--out", _sweep.Folder("out"));

        Assert.Equal(2, exit);
        Assert.Contains("rfsim sweep of this scenario would take more than 10 minutes", _sweep.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--runs or the --vary grid", _sweep.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BundledSizedScenario_PassesSilently()
    {
        var exit = _sweep.Run("run", _sweep.ScenarioFile, "--out", _sweep.Folder("out"), "--quiet", "--no-charts");

        Assert.Equal(0, exit);
        Assert.Equal("", _sweep.Error.ToString());
    }

    [Fact]
    public void Estimate_ThousandsOfSentinels_GrowsWithTheirPairs()
    {
        // Sentinels ping every instance and every other Sentinel each second: the background work is quadratic.
        var load = (int sentinels) => WorkEstimate.For(
            RedisFailoverSim.Scenarios.ScenarioLoader.Load(Write(sentinels)).World, ["self-hosted"], audit: false).Events;

        double three = load(1), thirty = load(10);

        Assert.InRange(thirty / three, 5, 100);
    }

    private string Write(int perAz)
    {
        var path = _sweep.Folder($"s{perAz}.yaml");
        File.WriteAllText(path, SweepFixture.Yaml.Replace("sentinels: { az-a: 1, az-b: 1, az-c: 1 }", $"sentinels: {{ az-a: {perAz}, az-b: {perAz}, az-c: {perAz} }}", StringComparison.Ordinal) + "\n");
        return path;
    }
}
