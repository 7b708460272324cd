using System.Globalization;
using System.Text;

namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>
/// A sweep as Slurm jobs: an array job whose task i runs <c>rfsim sweep --shard i/N</c>, and a merge job that
/// depends on the whole array (<c>afterok</c> on the array's job id waits for every task to exit 0;
/// docs/sources.md §14.1–§14.3). The folder must be visible at the same path on every node (a cluster's shared
/// file system), like the scenario file.
/// </summary>
internal static class SlurmJobs
{
    /// <summary>The array job.</summary>
    public const string SweepScript = "sweep.sbatch";

    /// <summary>The merge job.</summary>
    public const string MergeScript = "merge.sbatch";

    /// <summary>Submits both.</summary>
    public const string SubmitScript = "submit.sh";

    /// <summary>The files of the job folder, in order.</summary>
    public static IReadOnlyList<JobFile> Files(BatchSweep sweep) =>
    [
        new(SweepScript, Sweep(sweep), Executable: true),
        new(MergeScript, Merge(sweep), Executable: true),
        new(SubmitScript, Submit(sweep), Executable: true),
    ];

    /// <summary>Where task i writes its partial result.</summary>
    public static string ShardFolder(BatchSweep sweep, string index) => Path.Combine(sweep.Folder, "shard-" + index);

    /// <summary>Where the merge job writes the sweep's output.</summary>
    public static string MergedFolder(BatchSweep sweep) => Path.Combine(sweep.Folder, "merged");

    /// <summary>The folder of the jobs' stdout and stderr files.</summary>
    public static string LogFolder(BatchSweep sweep) => Path.Combine(sweep.Folder, "logs");

    private static string Sweep(BatchSweep sweep)
    {
        var last = (sweep.Shards - 1).ToString(CultureInfo.InvariantCulture);
        var shards = sweep.Shards.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(Header(sweep, $"the array job: task i runs shard i of {shards} into shard-i/."));
        Line(text, "#SBATCH --job-name=rfsim-sweep");
        Line(text, $"#SBATCH --array=0-{last}");
        Line(text, $"#SBATCH --cpus-per-task={sweep.CpusPerShard.ToString(CultureInfo.InvariantCulture)}");
        // %a is the array index (sbatch's filename pattern): one log per shard.
        Line(text, $"#SBATCH --output={Path.Combine(LogFolder(sweep), "shard-%a.log")}");
        Line(text, "set -eu");
        text.Append(RfsimWords(sweep));
        // SLURM_CPUS_PER_TASK is set because --cpus-per-task is: one replication per allocated CPU.
        Line(text, "exec \"${rfsim[@]}\" sweep " + ShellWords.Quote(sweep.ScenarioPath) + " "
            + ShellWords.Join(sweep.SharedArguments())
            + " --parallel \"$SLURM_CPUS_PER_TASK\""
            + $" --shard \"$SLURM_ARRAY_TASK_ID/{shards}\""
            + " --out " + ShellWords.Quote(ShardFolder(sweep, "")) + "\"$SLURM_ARRAY_TASK_ID\""
            + " --quiet --no-charts");
        return text.ToString();
    }

    private static string Merge(BatchSweep sweep)
    {
        var last = (sweep.Shards - 1).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(Header(sweep, "the merge job: combines shard-0/ ... shard-" + last + "/ into merged/."));
        Line(text, "#SBATCH --job-name=rfsim-merge");
        Line(text, "#SBATCH --cpus-per-task=1");
        Line(text, $"#SBATCH --output={Path.Combine(LogFolder(sweep), "merge.log")}");
        // A failed shard makes the dependency unsatisfiable: end this job instead of leaving it pending for ever.
        Line(text, "#SBATCH --kill-on-invalid-dep=yes");
        Line(text, "set -eu");
        text.Append(RfsimWords(sweep));
        var shardList = sweep.Shards == 1 ? "0" : "{0.." + last + "}";
        Line(text, "exec \"${rfsim[@]}\" merge " + ShellWords.Quote(ShardFolder(sweep, "")) + shardList
            + " --out " + ShellWords.Quote(MergedFolder(sweep)));
        return text.ToString();
    }

    private static string Submit(BatchSweep sweep)
    {
        var last = (sweep.Shards - 1).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        Line(text, "#!/bin/sh");
        Line(text, $"# Submits the sweep of {sweep.ScenarioName} to Slurm (written by 'rfsim sweep --emit slurm'): the array");
        Line(text, "# job, then the merge job, which starts once every task has succeeded. Arguments are extra sbatch");
        Line(text, "# options for both jobs, e.g. ./submit.sh --partition=batch --time=2:00:00");
        Line(text, "set -eu");
        // sbatch --parsable prints "jobid" or "jobid;cluster".
        Line(text, "sweep=$(sbatch --parsable \"$@\" " + ShellWords.Quote(Path.Combine(sweep.Folder, SweepScript)) + ")");
        Line(text, "sweep=${sweep%%;*}");
        Line(text, "merge=$(sbatch --parsable \"$@\" --dependency=afterok:\"$sweep\" "
            + ShellWords.Quote(Path.Combine(sweep.Folder, MergeScript)) + ")");
        Line(text, "merge=${merge%%;*}");
        Line(text, $"echo \"submitted sweep job $sweep (tasks 0-{last}) and merge job $merge (after every task succeeded)\"");
        Line(text, "echo \"result: " + MergedFolder(sweep).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        return text.ToString();
    }

    private static string Header(BatchSweep sweep, string what)
    {
        var text = new StringBuilder();
        Line(text, "#!/bin/bash");
        Line(text, $"# rfsim sweep of {sweep.ScenarioName} on Slurm, {what}");
        Line(text, $"# Written by 'rfsim sweep --emit slurm'; submit both jobs with {SubmitScript} next to this file.");
        return text.ToString();
    }

    /// <summary>The rfsim command: RFSIM from the environment (split into words), else the submitting one.</summary>
    private static string RfsimWords(BatchSweep sweep)
    {
        var text = new StringBuilder();
        Line(text, "# RFSIM overrides how rfsim is started, e.g. RFSIM=rfsim for the .NET tool on PATH.");
        Line(text, "if [ -n \"${RFSIM:-}\" ]; then read -r -a rfsim <<< \"$RFSIM\"; else rfsim=("
            + ShellWords.Join(sweep.Rfsim) + "); fi");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
