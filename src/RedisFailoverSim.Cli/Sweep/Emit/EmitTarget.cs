namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>The batch engines <c>rfsim sweep --emit</c> writes jobs for.</summary>
internal static class EmitTarget
{
    /// <summary>Slurm: an sbatch array job and a dependent merge job.</summary>
    public const string Slurm = "slurm";

    /// <summary>The names <c>--emit</c> accepts, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Slurm];

    /// <summary>The canonical name, or null when <paramref name="text"/> names no target.</summary>
    public static string? TryParse(string text) =>
        All.FirstOrDefault(t => string.Equals(t, text.Trim(), StringComparison.OrdinalIgnoreCase));
}
