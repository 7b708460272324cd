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
        if (sweep.Folder.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '$' or '`')
            || sweep.ScenarioPath.Any(c => char.IsControl(c)))
        {
            env.Error.WriteLine($"{env.Tool.Name}: --out '{sweep.Folder}': the job folder's path must not contain "
                + "spaces, quotes, '\\', '$' or '`' (the schedulers' directives and the job scripts name it unquoted)");
            return ExitCodes.BadInput;
        }

        var files = target switch
        {
            EmitTarget.Slurm => SlurmJobs.Files(sweep),
            _ => throw new System.Diagnostics.UnreachableException(target),
        };
        try
        {
            Directory.CreateDirectory(sweep.Folder);
            Directory.CreateDirectory(SlurmJobs.LogFolder(sweep));
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

        var shards = sweep.Shards.ToString(CultureInfo.InvariantCulture);
        env.Out.WriteLine($"wrote a Slurm array job of {shards} shard(s) of {sweep.ScenarioName} ({sweep.Runs} runs per "
            + $"point and path) to {sweep.Folder}:");
        foreach (var file in files)
        {
            env.Out.WriteLine($"  {file.Name}");
        }

        env.Out.WriteLine($"submit with: {Path.Combine(sweep.Folder, SlurmJobs.SubmitScript)} [sbatch options, e.g. --partition=P]");
        env.Out.WriteLine($"the merged sweep appears in {SlurmJobs.MergedFolder(sweep)}; logs in {SlurmJobs.LogFolder(sweep)}");
        return ExitCodes.Ok;
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
