namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>The batch engines <c>rfsim sweep --emit</c> writes jobs for.</summary>
internal static class EmitTarget
{
    /// <summary>Slurm: an sbatch array job and a dependent merge job.</summary>
    public const string Slurm = "slurm";

    /// <summary>Kubernetes: an Indexed Job, its volume claim and a merge Job.</summary>
    public const string Kubernetes = "kubernetes";

    /// <summary>AWS Batch on Fargate: a job definition, an array job and a dependent merge job.</summary>
    public const string AwsBatch = "aws-batch";

    /// <summary>The names <c>--emit</c> accepts, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Slurm, Kubernetes, AwsBatch];

    /// <summary>The canonical name, or null when <paramref name="text"/> names no target.</summary>
    public static string? TryParse(string text) =>
        All.FirstOrDefault(t => string.Equals(t, text.Trim(), StringComparison.OrdinalIgnoreCase));
}
