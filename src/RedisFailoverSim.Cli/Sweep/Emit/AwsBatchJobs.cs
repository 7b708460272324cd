using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>
/// A sweep as AWS Batch jobs on Fargate: a job definition whose array child i runs shard i/N
/// (<c>AWS_BATCH_JOB_ARRAY_INDEX</c>) and writes to an EFS volume, the array job (size N), and the merge job that
/// depends on the whole array (docs/sources.md §14.6). The scenario travels in the job definition's environment, so
/// no image or volume has to carry it. The three account-specific values are placeholders that submit.sh refuses
/// to run with.
/// </summary>
internal static class AwsBatchJobs
{
    public const string Definition = "job-definition.json";
    public const string SweepSubmission = "submit-sweep.json";
    public const string MergeSubmission = "submit-merge.json";
    public const string SubmitScript = "submit.sh";

    /// <summary>What the account-specific values say until they are edited.</summary>
    public const string Placeholder = "REPLACE-ME";

    /// <summary>Array job sizes AWS Batch takes (docs/sources.md §14.6).</summary>
    public const int MinShards = 2;
    public const int MaxShards = 10_000;

    /// <summary>The vCPU counts a Fargate job takes; MEMORY is 2 GiB per vCPU, valid with each (§14.6).</summary>
    public static readonly IReadOnlyList<int> FargateVcpus = [1, 2, 4, 8, 16];

    private const string Results = "/results";
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The reason AWS Batch cannot run this sweep as emitted, or null.</summary>
    public static string? Problem(BatchSweep sweep) =>
        sweep.Shards is < MinShards or > MaxShards
            ? string.Create(CultureInfo.InvariantCulture,
                $"--shards: an AWS Batch array job has {MinShards} ... {MaxShards} children; found {sweep.Shards}")
            : !FargateVcpus.Contains(sweep.CpusPerShard)
                ? string.Create(CultureInfo.InvariantCulture,
                    $"--parallel: a Fargate job takes {string.Join(", ", FargateVcpus)} vCPUs; found {sweep.CpusPerShard}")
                : null;

    public static IReadOnlyList<JobFile> Files(BatchSweep sweep, string scenarioText) =>
    [
        new(Definition, Json(JobDefinition(sweep, scenarioText)), Executable: false),
        new(SweepSubmission, Json(new JsonObject
        {
            ["jobName"] = $"rfsim-sweep-{sweep.Name}",
            ["jobQueue"] = $"{Placeholder}-job-queue",
            ["jobDefinition"] = DefinitionName(sweep),
            ["arrayProperties"] = new JsonObject { ["size"] = sweep.Shards },
        }), Executable: false),
        new(MergeSubmission, Json(new JsonObject
        {
            ["jobName"] = $"rfsim-merge-{sweep.Name}",
            ["jobQueue"] = $"{Placeholder}-job-queue",
            ["jobDefinition"] = DefinitionName(sweep),
            ["containerOverrides"] = new JsonObject
            {
                ["command"] = new JsonArray("/bin/sh", "-c", CloudText.MergeCommand(sweep, Results)),
            },
        }), Executable: false),
        new(SubmitScript, Submit(sweep), Executable: true),
    ];

    private static string DefinitionName(BatchSweep sweep) => $"rfsim-{sweep.Name}";

    private static JsonObject JobDefinition(BatchSweep sweep, string scenarioText)
    {
        var scenario = "/tmp/" + sweep.ScenarioFileName;
        // The scenario's exact bytes, from the environment into the file the shard reads (merge checks its SHA-256).
        var command = $"printf '%s' \"$SCENARIO_YAML\" > {ShellWords.Quote(scenario)} && "
            + CloudText.ShardCommand(sweep, scenario, Results, "AWS_BATCH_JOB_ARRAY_INDEX");
        var vcpus = sweep.CpusPerShard.ToString(CultureInfo.InvariantCulture);
        var memory = (sweep.CpusPerShard * 2048).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["jobDefinitionName"] = DefinitionName(sweep),
            ["type"] = "container",
            ["platformCapabilities"] = new JsonArray("FARGATE"),
            ["containerProperties"] = new JsonObject
            {
                ["image"] = sweep.Image,
                ["command"] = new JsonArray("/bin/sh", "-c", command),
                ["environment"] = new JsonArray(new JsonObject { ["name"] = "SCENARIO_YAML", ["value"] = scenarioText }),
                ["resourceRequirements"] = new JsonArray(
                    new JsonObject { ["type"] = "VCPU", ["value"] = vcpus },
                    new JsonObject { ["type"] = "MEMORY", ["value"] = memory }),
                ["executionRoleArn"] = $"arn:aws:iam::{Placeholder}:role/ecsTaskExecutionRole",
                ["networkConfiguration"] = new JsonObject { ["assignPublicIp"] = "ENABLED" },
                ["fargatePlatformConfiguration"] = new JsonObject { ["platformVersion"] = "LATEST" },
                ["volumes"] = new JsonArray(new JsonObject
                {
                    ["name"] = "results",
                    ["efsVolumeConfiguration"] = new JsonObject
                    {
                        ["fileSystemId"] = $"fs-{Placeholder}",
                        ["transitEncryption"] = "ENABLED",
                    },
                }),
                ["mountPoints"] = new JsonArray(new JsonObject
                {
                    ["sourceVolume"] = "results",
                    ["containerPath"] = Results,
                    ["readOnly"] = false,
                }),
            },
            // A failed child runs again; its shard folder is replaced atomically.
            ["retryStrategy"] = new JsonObject { ["attempts"] = 2 },
        };
    }

    private static string Submit(BatchSweep sweep)
    {
        var here = ShellWords.Quote(sweep.Folder);
        var text = new StringBuilder();
        Line(text, "#!/bin/sh");
        Line(text, $"# Runs the sweep of {sweep.ScenarioName} on AWS Batch (written by 'rfsim sweep --emit aws-batch'): registers");
        Line(text, "# the job definition, submits the array job, then the merge job depending on it (it waits for every child).");
        Line(text, $"# First replace every {Placeholder} in the .json files: the job queue, the task execution role, the EFS file system.");
        Line(text, "set -eu");
        Line(text, $"if grep -l {Placeholder} {here}/*.json; then");
        Line(text, $"  echo \"replace {Placeholder} in the files above first\" >&2");
        Line(text, "  exit 2");
        Line(text, "fi");
        Line(text, $"aws batch register-job-definition --cli-input-json file://{here}/{Definition} >/dev/null");
        Line(text, $"sweep=$(aws batch submit-job --cli-input-json file://{here}/{SweepSubmission} --query jobId --output text)");
        Line(text, $"merge=$(aws batch submit-job --cli-input-json file://{here}/{MergeSubmission} --depends-on jobId=\"$sweep\" \\");
        Line(text, "  --query jobId --output text)");
        Line(text, "echo \"submitted array job $sweep and merge job $merge (after every child succeeded)\"");
        Line(text, $"echo \"result: {Results}/{sweep.Name}/merged on the EFS file system\"");
        return text.ToString();
    }

    private static string Json(JsonNode node) => node.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
