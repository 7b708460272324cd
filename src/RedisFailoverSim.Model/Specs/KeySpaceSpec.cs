namespace RedisFailoverSim.Model.Specs;

/// <summary>Which keys the writes hit, so that a cluster spreads them over its slots.</summary>
/// <param name="Count">Distinct keys, named <c>key:0</c> … <c>key:N-1</c>.</param>
/// <param name="Distribution">How often each key is written.</param>
/// <param name="Skew">The Zipf exponent s (key k is written in proportion to 1 / (k+1)^s), for <see cref="KeyDistribution.Zipf"/>.</param>
/// <param name="HotShare">The fraction of writes to <c>key:0</c>, for <see cref="KeyDistribution.HotKey"/>; the rest are uniform.</param>
public sealed record KeySpaceSpec(int Count, KeyDistribution Distribution, double Skew, double HotShare)
{
    /// <summary>
    /// ASSUMPTION A77: without <c>workload.keys</c>, writes go to 100,000 keys chosen uniformly (a Jepsen set workload
    /// writes one key; a cluster needs many to spread).
    /// </summary>
    public static KeySpaceSpec Default { get; } = new(100_000, KeyDistribution.Uniform, Skew: 0.99, HotShare: 0.5);
}

/// <summary>How often each key is written.</summary>
public enum KeyDistribution
{
    /// <summary>Every key equally often.</summary>
    Uniform,

    /// <summary>Key k in proportion to 1 / (k+1)^skew (YCSB's default skew is 0.99).</summary>
    Zipf,

    /// <summary>One key takes a fixed share of the writes; the others share the rest equally.</summary>
    HotKey,
}
