namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>
/// A sweep to be run as a batch engine's array job: everything every shard must agree on (<c>rfsim merge</c> checks
/// it), resolved once on the submitting machine so that no shard depends on its own defaults.
/// </summary>
/// <param name="ScenarioName">The scenario's name, for job names and messages.</param>
/// <param name="ScenarioPath">The scenario file, absolute.</param>
/// <param name="Seed">The master seed, explicit (the scenario's or 42 when not given).</param>
/// <param name="Runs">Replications per grid point and path.</param>
/// <param name="Paths">The paths to run, explicit.</param>
/// <param name="Vary">The <c>--vary</c> options as given.</param>
/// <param name="Audit">Whether every shard runs with <c>--audit</c>.</param>
/// <param name="Shards">The array size: shard i of <paramref name="Shards"/> is the array's task i.</param>
/// <param name="CpusPerShard">CPUs each task asks for, and its <c>--parallel</c>.</param>
/// <param name="Folder">The job folder, absolute: the scripts, the logs, the shard folders and the merged result.</param>
/// <param name="Rfsim">The command words that start rfsim where the jobs run (Slurm: a shared file system).</param>
/// <param name="Image">The container image of the cloud targets (Kubernetes, AWS Batch).</param>
internal sealed record BatchSweep(
    string ScenarioName,
    string ScenarioPath,
    ulong Seed,
    int Runs,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Vary,
    bool Audit,
    int Shards,
    int CpusPerShard,
    string Folder,
    IReadOnlyList<string> Rfsim,
    string Image)
{
    /// <summary>The scenario's file name: what <c>rfsim merge</c> compares, so every target keeps it.</summary>
    public string ScenarioFileName => System.IO.Path.GetFileName(ScenarioPath);

    /// <summary>
    /// The sweep's name on a cloud target's shared volume and in its job names: the job folder's name in lower-case
    /// letters, digits and '-' (a Kubernetes object name, DNS-1123), at most 40 characters.
    /// </summary>
    public string Name
    {
        get
        {
            var raw = System.IO.Path.GetFileName(Folder).ToLowerInvariant();
            var name = new string(raw.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            name = name.Length > 40 ? name[..40].TrimEnd('-') : name;
            return name.Length == 0 ? "sweep" : name;
        }
    }

    /// <summary>
    /// The sweep's arguments every shard shares, after the verb and the scenario: runs, seed, paths, vary, audit.
    /// The shard, the output folder and <c>--parallel</c> follow, in the engine's own notation.
    /// </summary>
    public IReadOnlyList<string> SharedArguments()
    {
        var words = new List<string>
        {
            "--runs", Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--paths", string.Join(',', Paths),
        };
        foreach (var vary in Vary)
        {
            words.Add("--vary");
            words.Add(vary);
        }

        if (Audit)
        {
            words.Add("--audit");
        }

        return words;
    }

    /// <summary>The image tag of this build: its commit (merge refuses partials of different builds), else its version.</summary>
    public static string DefaultImage(RedisFailoverSim.Reporting.ToolInfo tool) =>
        "rfsim:" + (tool.Commit is { Length: >= 12 } commit ? commit[..12] : tool.Version);

    /// <summary>
    /// How this process was started, as command words for the job scripts: <c>dotnet</c> (this host when it is one,
    /// else the one on PATH) and rfsim's own assembly, which runs the same build wherever the folder is shared.
    /// </summary>
    public static IReadOnlyList<string> ThisRfsim()
    {
        var host = Environment.ProcessPath is { } process
            && string.Equals(System.IO.Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.Ordinal)
            ? process
            : "dotnet";
        return [host, typeof(CliApp).Assembly.Location];
    }
}
