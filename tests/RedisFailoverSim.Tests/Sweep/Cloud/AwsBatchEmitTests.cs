using System.Security.Cryptography;
using System.Text;

namespace RedisFailoverSim.Tests.Sweep.Cloud;

/// <summary>
/// <c>rfsim sweep --emit aws-batch</c>: the job definition and both submissions pass AWS's own parameter validation
/// (botocore against the published AWS Batch API model), the array has one child per shard, and the scenario
/// reaches each child byte for byte (docs/sources.md §14.6).
/// </summary>
public sealed class AwsBatchEmitTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void EmitAwsBatch_Requests_PassTheAwsBatchApiModelsValidation()
    {
        var jobs = Emit("--runs", "10", "--shards", "4", "--parallel", "2");
        // The CLI adds --depends-on to the merge's submission at submit time; so does this check.
        var merge = JsonNode(Path.Combine(jobs, "submit-merge.json"));
        merge["dependsOn"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["jobId"] = "sweep-job-id" });

        var reports = Botocore.Validate(_sweep.Root,
        [
            ("RegisterJobDefinition", File.ReadAllText(Path.Combine(jobs, "job-definition.json"))),
            ("SubmitJob", File.ReadAllText(Path.Combine(jobs, "submit-sweep.json"))),
            ("SubmitJob", merge.ToJsonString()),
            ("SubmitJob", """{"jobName": "x", "jobQueue": "q", "jobDefinition": "d", "arrayProperty": {"size": 4}}"""),
        ]);
        if (reports is null)
        {
            Assert.False(Botocore.InCi);
            return;
        }

        Assert.Equal(["ok", "ok", "ok"], reports.Take(3));
        // The validator has teeth: a misspelled member is refused.
        Assert.Contains("Unknown parameter in input: \"arrayProperty\"", reports[3], StringComparison.Ordinal);
    }

    [Fact]
    public void EmitAwsBatch_ArrayAndCommand_OneChildPerShardRunningShardIndexOfN()
    {
        var jobs = Emit("--runs", "10", "--shards", "4", "--parallel", "2");

        var sweep = JsonNode(Path.Combine(jobs, "submit-sweep.json"));
        Assert.Equal(4, (int)sweep["arrayProperties"]!["size"]!);
        var definition = JsonNode(Path.Combine(jobs, "job-definition.json"));
        var container = definition["containerProperties"]!;
        var command = container["command"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal(["/bin/sh", "-c"], command.Take(2));
        Assert.Equal(
            "printf '%s' \"$SCENARIO_YAML\" > /tmp/crash.yaml && exec dotnet /app/rfsim.dll sweep /tmp/crash.yaml "
            + "--runs 10 --seed 7 --paths elasticache,serverless,memorydb,self-hosted --parallel 2 "
            + "--shard \"$AWS_BATCH_JOB_ARRAY_INDEX/4\" --out /results/jobs/shard-\"$AWS_BATCH_JOB_ARRAY_INDEX\" --quiet --no-charts",
            command[2]);
        // 2 vCPUs with 4 GiB is a Fargate size (§14.6).
        Assert.Equal(["VCPU=2", "MEMORY=4096"], container["resourceRequirements"]!.AsArray().Select(r => $"{r!["type"]}={r["value"]}"));
        Assert.Equal(["FARGATE"], definition["platformCapabilities"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public void EmitAwsBatch_ScenarioInTheEnvironment_HasTheFilesExactBytes()
    {
        var jobs = Emit("--runs", "4", "--shards", "2");

        var variable = JsonNode(Path.Combine(jobs, "job-definition.json"))["containerProperties"]!["environment"]![0]!;
        Assert.Equal("SCENARIO_YAML", (string)variable["name"]!);
        // printf '%s' writes the value unchanged, so the child's file hashes like the original (merge checks it).
        Assert.Equal(
            SHA256.HashData(File.ReadAllBytes(_sweep.ScenarioFile)),
            SHA256.HashData(Encoding.UTF8.GetBytes((string)variable["value"]!)));
    }

    [Theory]
    [InlineData(new[] { "--runs", "4", "--shards", "1" }, "rfsim: --shards: an AWS Batch array job has 2 ... 10000 children; found 1")]
    [InlineData(new[] { "--runs", "4", "--shards", "2", "--parallel", "3" }, "rfsim: --parallel: a Fargate job takes 1, 2, 4, 8, 16 vCPUs; found 3")]
    public void EmitAwsBatch_SizesAwsBatchRefuses_ExitTwoSayingWhy(string[] options, string expected)
    {
        var exit = _sweep.Run(["sweep", _sweep.ScenarioFile, .. options, "--emit", "aws-batch", "--out", _sweep.Folder("jobs")]);

        Assert.Equal(2, exit);
        Assert.Equal(expected + "\n", _sweep.Error.ToString());
    }

    [Fact]
    public void EmitAwsBatch_SubmitScript_RefusesWhilePlaceholdersRemain()
    {
        var jobs = Emit("--runs", "4", "--shards", "2");

        var (exit, output) = Slurm.Commands.Run("sh", [Path.Combine(jobs, "submit.sh")]);

        Assert.Equal(2, exit);
        Assert.Contains("replace REPLACE-ME in the files above first", output, StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(string path) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;

    private string Emit(params string[] options)
    {
        var jobs = _sweep.Folder("jobs");
        var exit = _sweep.Run(["sweep", _sweep.ScenarioFile, .. options, "--emit", "aws-batch", "--out", jobs]);
        Assert.True(exit == 0, _sweep.Error.ToString());
        return jobs;
    }
}
