using k8s;
using k8s.Models;

namespace RedisFailoverSim.Tests.Sweep.Cloud;

/// <summary>
/// <c>rfsim sweep --emit kubernetes</c>, checked offline: every manifest is read strictly into the official client's
/// typed API objects (KubernetesClient, generated from the published Kubernetes OpenAPI schema: an unknown or
/// mistyped field fails), then held to the Job API's rules for Indexed Jobs (docs/sources.md §14.5). kubectl's
/// client-side dry run cannot do this: it fetches the schema from a server.
/// </summary>
public sealed class KubernetesEmitTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void EmitKubernetes_SweepManifest_IsAVolumeClaimAndAnIndexedJobOfOnePodPerShard()
    {
        var jobs = Emit("--runs", "10", "--shards", "4", "--parallel", "2", "--image", "registry.example.com/rfsim:abc");

        var objects = Load(Path.Combine(jobs, "sweep-job.yaml"));

        Assert.Equal(2, objects.Count);
        var claim = Assert.IsType<V1PersistentVolumeClaim>(objects[0]);
        Assert.Equal(["ReadWriteMany"], claim.Spec.AccessModes);
        var job = Assert.IsType<V1Job>(objects[1]);
        Assert.Equal("rfsim-sweep-jobs", job.Metadata.Name);
        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(4, job.Spec.Completions);
        CheckJobRules(job);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal("registry.example.com/rfsim:abc", container.Image);
        Assert.Equal(["/bin/sh", "-c"], container.Command);
        Assert.Equal(
            "exec dotnet /app/rfsim.dll sweep /scenario/crash.yaml --runs 10 --seed 7 "
            + "--paths elasticache,serverless,memorydb,self-hosted --parallel 2 --shard \"$JOB_COMPLETION_INDEX/4\" "
            + "--out /results/jobs/shard-\"$JOB_COMPLETION_INDEX\" --quiet --no-charts",
            Assert.Single(container.Args));
        Assert.Equal("2", container.Resources.Requests["cpu"].ToString());
        // The scenario is mounted under its own file name (merge compares it) and the results volume is the claim.
        var volumes = job.Spec.Template.Spec.Volumes.ToDictionary(v => v.Name);
        Assert.Equal("rfsim-scenario-jobs", volumes["scenario"].ConfigMap.Name);
        Assert.Equal(claim.Metadata.Name, volumes["results"].PersistentVolumeClaim.ClaimName);
        Assert.Equal(["/scenario", "/results"], container.VolumeMounts.Select(m => m.MountPath));
    }

    [Fact]
    public void EmitKubernetes_MergeManifest_MergesEveryShardFolderOfTheSweepIntoMerged()
    {
        var jobs = Emit("--runs", "10", "--shards", "4");

        var job = Assert.IsType<V1Job>(Assert.Single(Load(Path.Combine(jobs, "merge-job.yaml"))));

        CheckJobRules(job);
        Assert.Equal("rfsim-merge-jobs", job.Metadata.Name);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal("exec dotnet /app/rfsim.dll merge /results/jobs/shard-* --out /results/jobs/merged", Assert.Single(container.Args));
        Assert.Equal("rfsim:" + SweepFixture.Tool.Commit![..12], container.Image);
        var submit = File.ReadAllText(Path.Combine(jobs, "submit.sh"));
        Assert.Contains($"kubectl create configmap rfsim-scenario-jobs --from-file={_sweep.ScenarioFile} ", submit, StringComparison.Ordinal);
        Assert.Contains("kubectl wait --for=condition=complete job/rfsim-sweep-jobs", submit, StringComparison.Ordinal);
        Assert.True(submit.IndexOf("job/rfsim-sweep-jobs", StringComparison.Ordinal)
            < submit.IndexOf("merge-job.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void StrictLoad_MisspelledField_IsRejected()
    {
        var jobs = Emit("--runs", "4", "--shards", "2");
        var path = Path.Combine(jobs, "sweep-job.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("  completions: 2", "  completion: 2", StringComparison.Ordinal));

        var e = Assert.ThrowsAny<Exception>(() => Load(path));

        Assert.Contains("completion", e.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The Job API's rules the manifests rely on (§14.5), which a typed read alone does not check.</summary>
    private static void CheckJobRules(V1Job job)
    {
        var spec = job.Spec;
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", job.Metadata.Name);
        Assert.InRange(job.Metadata.Name.Length, 1, 63);
        Assert.Contains(spec.Template.Spec.RestartPolicy, new[] { "Never", "OnFailure" });
        Assert.NotEmpty(spec.Template.Spec.Containers);
        if (spec.CompletionMode == "Indexed")
        {
            Assert.NotNull(spec.Completions);
        }

        if (spec.BackoffLimitPerIndex is not null)
        {
            Assert.Equal("Indexed", spec.CompletionMode);
            Assert.Equal("Never", spec.Template.Spec.RestartPolicy);
        }

        if (spec.MaxFailedIndexes is not null)
        {
            Assert.NotNull(spec.BackoffLimitPerIndex);
            Assert.InRange(spec.MaxFailedIndexes.Value, 0, spec.Completions!.Value);
        }
    }

    private static List<object> Load(string path) => KubernetesYaml.LoadAllFromString(File.ReadAllText(path), strict: true);

    private string Emit(params string[] options)
    {
        var jobs = _sweep.Folder("jobs");
        var exit = _sweep.Run(["sweep", _sweep.ScenarioFile, .. options, "--emit", "kubernetes", "--out", jobs]);
        Assert.True(exit == 0, _sweep.Error.ToString());
        return jobs;
    }
}
