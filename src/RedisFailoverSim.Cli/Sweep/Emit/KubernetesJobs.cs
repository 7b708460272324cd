using System.Globalization;
using System.Text;

namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>
/// A sweep as Kubernetes objects: an Indexed Job whose pod with completion index i runs shard i/N
/// (<c>JOB_COMPLETION_INDEX</c>), the ReadWriteMany volume claim the shards write to, and a merge Job applied once
/// the sweep Job is complete (docs/sources.md §14.5). The scenario travels as a ConfigMap keyed by its file name.
/// </summary>
internal static class KubernetesJobs
{
    public const string SweepManifest = "sweep-job.yaml";
    public const string MergeManifest = "merge-job.yaml";
    public const string SubmitScript = "submit.sh";
    private const string Results = "/results";

    public static IReadOnlyList<JobFile> Files(BatchSweep sweep) =>
    [
        new(SweepManifest, Sweep(sweep), Executable: false),
        new(MergeManifest, Merge(sweep), Executable: false),
        new(SubmitScript, Submit(sweep), Executable: true),
    ];

    /// <summary>The names of the objects, from the sweep's name.</summary>
    public static string JobName(BatchSweep sweep, string role) => $"rfsim-{role}-{sweep.Name}";

    private static string ConfigMapName(BatchSweep sweep) => $"rfsim-scenario-{sweep.Name}";

    private static string Sweep(BatchSweep sweep)
    {
        var shards = sweep.Shards.ToString(CultureInfo.InvariantCulture);
        var cpus = sweep.CpusPerShard.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        Line(text, $"# rfsim sweep of {sweep.ScenarioName} as a Kubernetes Indexed Job: the pod with completion index i runs");
        Line(text, $"# shard i of {shards}. Written by 'rfsim sweep --emit kubernetes'; {SubmitScript} next to this file applies it.");
        Line(text, "apiVersion: v1");
        Line(text, "kind: PersistentVolumeClaim");
        Line(text, "metadata:");
        Line(text, "  name: rfsim-results");
        Line(text, "spec:");
        Line(text, "  accessModes: [ReadWriteMany]   # every pod writes its shard folder; the merge reads them all");
        Line(text, "  resources:");
        Line(text, "    requests:");
        Line(text, "      storage: 1Gi");
        Line(text, "  # storageClassName: efs-sc     # a ReadWriteMany class of your cluster (EFS, NFS, Filestore, Azure Files)");
        Line(text, "---");
        Line(text, "apiVersion: batch/v1");
        Line(text, "kind: Job");
        Line(text, "metadata:");
        Line(text, $"  name: {JobName(sweep, "sweep")}");
        Line(text, "spec:");
        Line(text, "  completionMode: Indexed");
        Line(text, $"  completions: {shards}");
        Line(text, $"  parallelism: {shards}          # pods at once; the cluster queues what does not fit");
        Line(text, "  backoffLimitPerIndex: 2       # retry a failed shard (Kubernetes >= 1.29); its folder is replaced atomically");
        Line(text, "  maxFailedIndexes: 0");
        Line(text, "  template:");
        Line(text, "    spec:");
        Line(text, "      restartPolicy: Never");
        Line(text, "      containers:");
        Line(text, "        - name: rfsim");
        Line(text, $"          image: {CloudText.Quote(sweep.Image)}");
        Line(text, "          command: [\"/bin/sh\", \"-c\"]");
        Line(text, "          args:");
        Line(text, "            - " + CloudText.Quote(CloudText.ShardCommand(
            sweep, "/scenario/" + sweep.ScenarioFileName, Results, "JOB_COMPLETION_INDEX")));
        Line(text, "          resources:");
        Line(text, "            requests:");
        Line(text, $"              cpu: \"{cpus}\"          # = --parallel: one replication per core");
        Line(text, "              memory: 512Mi");
        Line(text, "            limits:");
        Line(text, "              memory: 1Gi");
        Line(text, "          volumeMounts:");
        Line(text, "            - { name: scenario, mountPath: /scenario, readOnly: true }");
        Line(text, $"            - {{ name: results, mountPath: {Results} }}");
        Line(text, "      volumes:");
        Line(text, "        - name: scenario");
        Line(text, "          configMap:");
        Line(text, $"            name: {ConfigMapName(sweep)}");
        Line(text, "        - name: results");
        Line(text, "          persistentVolumeClaim:");
        Line(text, "            claimName: rfsim-results");
        return text.ToString();
    }

    private static string Merge(BatchSweep sweep)
    {
        var text = new StringBuilder();
        Line(text, $"# rfsim merge of the sweep of {sweep.ScenarioName}, applied by {SubmitScript} once {JobName(sweep, "sweep")} is complete:");
        Line(text, $"# combines the shard folders on the volume into {Results}/{sweep.Name}/merged.");
        Line(text, "apiVersion: batch/v1");
        Line(text, "kind: Job");
        Line(text, "metadata:");
        Line(text, $"  name: {JobName(sweep, "merge")}");
        Line(text, "spec:");
        Line(text, "  backoffLimit: 0");
        Line(text, "  template:");
        Line(text, "    spec:");
        Line(text, "      restartPolicy: Never");
        Line(text, "      containers:");
        Line(text, "        - name: rfsim");
        Line(text, $"          image: {CloudText.Quote(sweep.Image)}");
        Line(text, "          command: [\"/bin/sh\", \"-c\"]");
        Line(text, "          args:");
        Line(text, "            - " + CloudText.Quote(CloudText.MergeCommand(sweep, Results)));
        Line(text, "          volumeMounts:");
        Line(text, $"            - {{ name: results, mountPath: {Results} }}");
        Line(text, "      volumes:");
        Line(text, "        - name: results");
        Line(text, "          persistentVolumeClaim:");
        Line(text, "            claimName: rfsim-results");
        return text.ToString();
    }

    private static string Submit(BatchSweep sweep)
    {
        var here = ShellWords.Quote(sweep.Folder);
        var text = new StringBuilder();
        Line(text, "#!/bin/sh");
        Line(text, $"# Runs the sweep of {sweep.ScenarioName} on the cluster of the current kubectl context (written by");
        Line(text, "# 'rfsim sweep --emit kubernetes'): the scenario as a ConfigMap, the Indexed Job, then the merge Job.");
        Line(text, "set -eu");
        Line(text, $"kubectl create configmap {ConfigMapName(sweep)} --from-file={ShellWords.Quote(sweep.ScenarioPath)} \\");
        Line(text, "  --dry-run=client -o yaml | kubectl apply -f -");
        Line(text, $"kubectl apply -f {here}/{SweepManifest}");
        Line(text, $"kubectl wait --for=condition=complete job/{JobName(sweep, "sweep")} --timeout=24h");
        Line(text, $"kubectl apply -f {here}/{MergeManifest}");
        Line(text, $"kubectl wait --for=condition=complete job/{JobName(sweep, "merge")} --timeout=1h");
        Line(text, $"kubectl logs job/{JobName(sweep, "merge")}");
        Line(text, $"echo \"result: {Results}/{sweep.Name}/merged on the volume claim rfsim-results\"");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
