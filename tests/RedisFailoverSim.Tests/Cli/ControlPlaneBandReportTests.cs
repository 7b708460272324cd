using System.Text.Json;
using RedisFailoverSim.Cli;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Reporting;
using RedisFailoverSim.Tests.Sweep;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// Issue 14's "az-partition-split-brain reports ElastiCache and Serverless with their assumption bands", as a user
/// reads them: <c>rfsim run</c>'s results.json and report.md carry the fencing band (A19, A23) of both paths.
/// </summary>
public sealed class ControlPlaneBandReportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_AzPartitionSplitBrain_ResultsAndReportShowBothPathsFencingBands()
    {
        var folder = Path.Combine(_temp.Path, "out");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment(
            output, error, ScenarioLoader.Load, DeploymentPaths.Run, DeploymentPaths.Available,
            [.. ModelDefaults.All, .. AwsPathDefaults.All], ReportFiles.Reports, [_temp.Path], SweepFixture.Tool, CancellationToken.None);
        var scenario = Path.Combine(RepositoryRoot.Path, "scenarios", "az-partition-split-brain.yaml");

        var exit = CliApp.Run(["run", scenario, "--paths", "elasticache,serverless", "--seed", "42", "--out", folder, "--quiet"], env);

        Assert.Equal("", error.ToString());
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var report = File.ReadAllText(Path.Combine(folder, "report.md"));
        foreach (var (path, assumption) in new[] { ("elasticache", "A19"), ("serverless", "A23") })
        {
            var result = json.RootElement.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("path").GetString() == path);
            var band = Assert.Single(result.GetProperty("assumptionBands").EnumerateArray().ToList());
            Assert.Equal(assumption, band.GetProperty("assumption").GetString());
            Assert.Equal($"{path}.fencing", band.GetProperty("setting").GetString());
            var cases = band.GetProperty("cases").EnumerateArray().ToList();
            Assert.Equal(["power-off", "none"], cases.Select(c => c.GetProperty("value").GetString()));
            Assert.True(cases[0].GetProperty("thisRun").GetBoolean());
            Assert.Equal(result.GetProperty("writes").GetProperty("acknowledgedLost").GetInt64(), cases[0].GetProperty("acknowledgedLost").GetInt64());
            Assert.Equal(0, cases[0].GetProperty("splitBrainSeconds").GetDouble());
            Assert.True(cases[1].GetProperty("splitBrainSeconds").GetDouble() > 60);
            Assert.True(cases[1].GetProperty("acknowledgedLost").GetInt64() > cases[0].GetProperty("acknowledgedLost").GetInt64());
            var sentence = $"if the control plane fences the old primary: {N(cases[0])} lost (this run); if not: {N(cases[1])} lost, split brain ";
            Assert.Contains("assumption band: " + sentence, report, StringComparison.Ordinal);
            Assert.Contains($"{path}'s numbers rest on an undocumented choice; the same run under each choice: " + sentence, report, StringComparison.Ordinal);
            Assert.Contains($"({assumption}, {path}.fencing).", report, StringComparison.Ordinal);
        }
    }

    private static string N(JsonElement bandCase) =>
        bandCase.GetProperty("acknowledgedLost").GetInt64().ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
}
