using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// A delay that grows with each attempt: the n-th (from 0) is min(cap, base × growth^n + step × n), randomised by
/// <paramref name="Jitter"/>. StackExchange.Redis's ExponentialRetry is base 2500 ms, growth 1.1, cap 10 s, jitter
/// from base (docs/sources.md §9.2); a linear strategy (n + 1) × 50 ms is base 50 ms, growth 1, step 50 ms.
/// </summary>
/// <param name="Base">The first delay.</param>
/// <param name="Growth">The factor applied per attempt (1: none).</param>
/// <param name="Step">Added per attempt (zero: none).</param>
/// <param name="Cap">The largest delay.</param>
/// <param name="Jitter">How the delay is randomised.</param>
public sealed record Backoff(SimDuration Base, double Growth, SimDuration Step, SimDuration Cap, BackoffJitter Jitter)
{
    /// <summary>The delay before attempt <paramref name="attempt"/> (0: the first retry), drawn from <paramref name="random"/> if jittered.</summary>
    public SimDuration Delay(int attempt, RandomStream random)
    {
        // Seconds as doubles, converted once: the same arithmetic as ExponentialRetry's, so its draws stay identical.
        double low = Base.TotalSeconds;
        double raw = low * Math.Pow(Growth, attempt) + Step.TotalSeconds * attempt;
        double high = Math.Min(Cap.TotalSeconds, raw);
        return Jitter switch
        {
            BackoffJitter.None => SimDuration.FromSecondsRounded(high),
            BackoffJitter.Full => SimDuration.FromSecondsRounded(high > 0 ? random.NextDouble(0, high) : 0),
            BackoffJitter.FromBase => SimDuration.FromSecondsRounded(high > low ? random.NextDouble(low, high) : low),
            BackoffJitter.PlusMinus20Percent => SimDuration.FromSecondsRounded(high * random.NextDouble(0.8, 1.2)),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }
}
