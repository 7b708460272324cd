using System.Globalization;

namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>
/// <c>rfsim sweep … --shards N --emit TARGET</c>: instead of running the sweep, write the jobs that run it on a
/// batch engine (N shards, then the merge) into the job folder, and say how to submit them. Nothing is simulated
/// here; the scenario was loaded (every grid point) so that a bad option fails now, not on the cluster.
/// </summary>
internal static class EmitCommand
{
    public static int Execute(CliEnvironment env, string target, BatchSweep sweep)
    {
        if (Problem(target, sweep) is { } problem)
        {
            env.Error.WriteLine($"{env.Tool.Name}: {problem}");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<JobFile> files;
        try
        {
            files = target switch
            {
                EmitTarget.Slurm => SlurmJobs.Files(sweep),
                EmitTarget.Kubernetes => KubernetesJobs.Files(sweep),
                EmitTarget.AwsBatch => AwsBatchJobs.Files(sweep, File.ReadAllText(sweep.ScenarioPath)),
                _ => throw new System.Diagnostics.UnreachableException(target),
            };
            Directory.CreateDirectory(sweep.Folder);
            if (target == EmitTarget.Slurm)
            {
                Directory.CreateDirectory(SlurmJobs.LogFolder(sweep));
            }

            foreach (var file in files)
            {
                Write(Path.Combine(sweep.Folder, file.Name), file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"{env.Tool.Name}: job folder '{sweep.Folder}': {e.Message}");
            return ExitCodes.BadInput;
        }

        var what = target switch
        {
            EmitTarget.Slurm => "a Slurm array job",
            EmitTarget.Kubernetes => "a Kubernetes Indexed Job",
            _ => "an AWS Batch array job",
        };
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {what} of {sweep.Shards} shard(s) of "
            + $"{sweep.ScenarioName} ({sweep.Runs} runs per point and path) and its merge job to {sweep.Folder}:"));
        foreach (var file in files)
        {
            env.Out.WriteLine($"  {file.Name}");
        }

        foreach (var line in NextSteps(target, sweep))
        {
            env.Out.WriteLine(line);
        }

        return ExitCodes.Ok;
    }

    private static string? Problem(string target, BatchSweep sweep)
    {
        if (target == EmitTarget.Slurm && sweep.Folder.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '$' or '`'))
        {
            return $"--out '{sweep.Folder}': the job folder's path must not contain spaces, quotes, '\\', '$' or '`' "
                + "(sbatch's directives name it unquoted)";
        }

        return target == EmitTarget.AwsBatch ? AwsBatchJobs.Problem(sweep) : null;
    }

    private static IEnumerable<string> NextSteps(string target, BatchSweep sweep)
    {
        switch (target)
        {
            case EmitTarget.Slurm:
                yield return $"submit with: {Path.Combine(sweep.Folder, SlurmJobs.SubmitScript)} [sbatch options, e.g. --partition=P]";
                yield return $"the merged sweep appears in {SlurmJobs.MergedFolder(sweep)}; logs in {SlurmJobs.LogFolder(sweep)}";
                break;
            default:
                yield return $"the pods run the image {sweep.Image}: build it from the repository root with";
                yield return $"  docker build -f src/RedisFailoverSim.Cli/Sweep/deploy/Dockerfile -t {sweep.Image} . && docker push {sweep.Image}";
                yield return "  (or pass --image; every shard and the merge must run the same build)";
                yield return target == EmitTarget.Kubernetes
                    ? $"then run: {Path.Combine(sweep.Folder, KubernetesJobs.SubmitScript)} (kubectl, current context)"
                    : $"then replace {AwsBatchJobs.Placeholder} in the .json files (job queue, execution role, EFS) and run: "
                        + Path.Combine(sweep.Folder, AwsBatchJobs.SubmitScript);
                break;
        }
    }

    /// <summary>Writes the file next to its place, then renames it over an earlier one: never a half-written script.</summary>
    private static void Write(string path, JobFile file)
    {
        var staging = path + ".tmp";
        File.WriteAllText(staging, file.Text);
        if (file.Executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(staging, File.GetUnixFileMode(staging)
                | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        File.Move(staging, path, overwrite: true);
    }
}
