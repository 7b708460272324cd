namespace RedisFailoverSim.Model.Specs;

/// <summary>How a backoff delay is randomised around its computed value.</summary>
public enum BackoffJitter
{
    /// <summary>Exactly the computed delay.</summary>
    None,

    /// <summary>Uniform in [0, computed] ("full jitter").</summary>
    Full,

    /// <summary>Uniform in [base, computed] (StackExchange.Redis ExponentialRetry).</summary>
    FromBase,

    /// <summary>Uniform in [0.8, 1.2] × computed (Valkey GLIDE's default jitterPercent 20, docs/sources.md §11.20).</summary>
    PlusMinus20Percent,
}
