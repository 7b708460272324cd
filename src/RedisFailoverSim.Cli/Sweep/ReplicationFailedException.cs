namespace RedisFailoverSim.Cli.Sweep;

/// <summary>A replication of a sweep stopped on a bug (an invariant failed); says which one, to replay it.</summary>
internal sealed class ReplicationFailedException(int point, string path, int replication, ulong seed, Exception inner)
    : Exception($"replication {replication} (seed {seed}) of point {point} on path {path}: {inner.Message}", inner)
{
    public int Point { get; } = point;

    public string Path { get; } = path;

    public int Replication { get; } = replication;

    public ulong Seed { get; } = seed;
}
