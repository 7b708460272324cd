using System.Globalization;

namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>What <c>--emit TARGET --shards N</c> asks for.</summary>
/// <param name="Target">One of <see cref="EmitTarget.All"/>.</param>
/// <param name="Shards">The number of shards (array tasks).</param>
internal sealed record EmitOption(string Target, int Shards)
{
    /// <summary>Reads <c>--emit</c> and <c>--shards</c>; each problem is added as one line without prefix.</summary>
    public static EmitOption? Read(SweepVerb verb, List<string> problems)
    {
        if (verb.Emit is null)
        {
            if (verb.Shards is not null)
            {
                problems.Add("--shards: only with --emit TARGET (to run one shard here, use --shard i/n)");
            }

            if (verb.Image is not null)
            {
                problems.Add("--image: only with --emit kubernetes or aws-batch");
            }

            return null;
        }

        var target = EmitTarget.TryParse(verb.Emit);
        if (target is null)
        {
            problems.Add($"--emit: expected one of {string.Join(", ", EmitTarget.All)}; found '{verb.Emit}'");
        }
        else if (target == EmitTarget.Slurm && verb.Image is not null)
        {
            problems.Add("--image: only with --emit kubernetes or aws-batch (Slurm runs the build on its shared file system)");
        }

        if (verb.Shard is not null)
        {
            problems.Add("--shard: not with --emit (the emitted jobs run every shard; give their count with --shards N)");
        }

        if (verb.Shards is not { } shards)
        {
            problems.Add("--emit: needs --shards N, the number of array tasks");
            return null;
        }

        if (shards < 1 || (verb.Runs >= 1 && shards > verb.Runs))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"--shards: expected 1 ... {Math.Max(verb.Runs, 1)} (at most one shard per run); found {shards}"));
            return null;
        }

        return target is null ? null : new EmitOption(target, shards);
    }
}
