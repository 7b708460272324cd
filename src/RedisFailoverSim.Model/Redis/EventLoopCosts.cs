namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// What a command costs the node's one thread, in nanoseconds, by role and size. Measured on this project's machine
/// with Redis 7.0.15 (server CPU time per command from <c>INFO cpu</c> around <c>redis-benchmark</c>, docs/sources.md
/// §13.2-§13.3); the fork time per GB is the Redis documentation's for modern EC2 instances (§13.4). ASSUMPTION A105:
/// the cost is linear in the bytes a write carries (A2: value + 40 B) and in the replicas it is streamed to.
/// </summary>
public static class EventLoopCosts
{
    /// <summary>A primary's write with a small value and no replica: 12 µs (SET and SADD, 16-100 B: 10.8-12.4 µs).</summary>
    public const long WriteBaseNanoseconds = 12_000;

    /// <summary>Each KiB the write carries: 1 µs (SET 100 B → 100 KB: 12.4 → 109 µs).</summary>
    public const long WritePerKibibyteNanoseconds = 1_000;

    /// <summary>Each replica the write is streamed to: 1.3 µs (SET and SADD 100 B with two replicas: +1.3 and +4.1 µs).</summary>
    public const long StreamPerReplicaNanoseconds = 1_300;

    /// <summary>Each KiB streamed to each replica: 0.55 µs (SET 10 KB with two replicas: +13.6 µs).</summary>
    public const long StreamPerReplicaKibibyteNanoseconds = 550;

    /// <summary>A replica applying one write from its master's stream: 4 µs (SET 100 B: 4.6 µs, 1 KB: 8.0 µs).</summary>
    public const long ApplyBaseNanoseconds = 4_000;

    /// <summary>Each KiB a replica applies: 1.6 µs (SET 100 B → 10 KB: 4.6 → 20.3 µs).</summary>
    public const long ApplyPerKibibyteNanoseconds = 1_600;

    /// <summary>A fork stops the thread 10 ms per GB of dataset (docs/sources.md §13.4: "new types of EC2 instances").</summary>
    public const long ForkPerGibibyteNanoseconds = 10_000_000;

    /// <summary>A primary's write of <paramref name="bytes"/> streamed to <paramref name="replicas"/> replicas.</summary>
    public static long Write(int bytes, int replicas) =>
        WriteBaseNanoseconds + (bytes * WritePerKibibyteNanoseconds / 1024)
        + (replicas * (StreamPerReplicaNanoseconds + (bytes * StreamPerReplicaKibibyteNanoseconds / 1024)));

    /// <summary>A command answered with an error (-READONLY, -NOREPLICAS): parsed and answered, nothing applied.</summary>
    public static long Refused() => WriteBaseNanoseconds;

    /// <summary>A replica applying <paramref name="bytes"/> of its master's stream.</summary>
    public static long Apply(long bytes) => ApplyBaseNanoseconds + (bytes * ApplyPerKibibyteNanoseconds / 1024);

    /// <summary>The fork of a process holding <paramref name="datasetBytes"/>.</summary>
    public static long Fork(long datasetBytes) => datasetBytes / 1024 * ForkPerGibibyteNanoseconds / (1024 * 1024);
}
