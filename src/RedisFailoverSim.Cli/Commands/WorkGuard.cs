using System.Globalization;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>
/// Refuses, before it starts, a run or sweep this machine cannot finish in reasonable time or memory (a rate of
/// 10^9 writes/s, 30 simulated days, 3,000 Sentinels), with the estimate and what to change; <c>--force</c> runs it
/// anyway. A run long enough to notice is announced with its estimate.
/// </summary>
internal static class WorkGuard
{
    /// <summary>Longer than this needs <c>--force</c>.</summary>
    public const double MaxWallSeconds = 600;

    /// <summary>Longer than this is announced.</summary>
    public const double AnnounceWallSeconds = 60;

    /// <summary>A share of this machine's memory past which a run needs <c>--force</c>.</summary>
    public const double MaxMemoryShare = 0.8;

    /// <summary>True when the work may start; otherwise prints why (exit 2 is the caller's).</summary>
    public static bool Allows(CliEnvironment env, WorkEstimate estimate, bool force, string verb, string scenarioFile)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(estimate);
        double available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        bool tooLong = estimate.WallSeconds > MaxWallSeconds;
        bool tooBig = available > 0 && estimate.MemoryBytes > MaxMemoryShare * available;
        var what = string.Create(CultureInfo.InvariantCulture,
            $"{estimate.Writes:N0} writes, {estimate.Events:0.#e0} engine events: {WorkEstimate.Duration(estimate.WallSeconds)} and {WorkEstimate.Bytes(estimate.MemoryBytes)} of memory");
        if ((tooLong || tooBig) && !force)
        {
            var limits = new List<string>();
            if (tooLong)
            {
                limits.Add($"more than {MaxWallSeconds / 60:0} minutes");
            }

            if (tooBig)
            {
                limits.Add($"more than {MaxMemoryShare * 100:0}% of this machine's {WorkEstimate.Bytes(available)}");
            }

            env.Error.WriteLine($"{scenarioFile}: {env.Tool.Name} {verb} of this scenario would take {string.Join(" and ", limits)} (estimated {what}).");
            env.Error.WriteLine("Lower workload.rate, a rate-multiplier, workload.duration or the number of Sentinels"
                + (verb == "sweep" ? ", --runs or the --vary grid" : "") + ", or add --force to run it anyway.");
            return false;
        }

        if (estimate.WallSeconds > AnnounceWallSeconds || tooLong || tooBig)
        {
            env.Error.WriteLine($"note: a long {verb}, estimated {what}; Ctrl-C stops it cleanly");
        }

        return true;
    }
}
