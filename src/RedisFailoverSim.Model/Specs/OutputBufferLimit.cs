using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// <c>client-output-buffer-limit replica &lt;hard&gt; &lt;soft&gt; &lt;soft seconds&gt;</c> (docs/sources.md §8.1): the
/// primary closes a replica's connection when the stream it has queued for it and not yet sent reaches
/// <paramref name="HardBytes"/>, or stays at <paramref name="SoftBytes"/> or more for longer than
/// <paramref name="SoftFor"/> (whole seconds, as Redis counts them). 0 turns a limit off.
/// </summary>
/// <param name="HardBytes">The hard limit in bytes; one below <c>repl-backlog-size</c> counts as that size.</param>
/// <param name="SoftBytes">The soft limit in bytes.</param>
/// <param name="SoftFor">How long the soft limit may be exceeded in a row.</param>
public sealed record OutputBufferLimit(long HardBytes, long SoftBytes, SimDuration SoftFor)
{
    /// <summary>redis.conf's <c>client-output-buffer-limit replica 256mb 64mb 60</c> (config.c's default).</summary>
    public static OutputBufferLimit ReplicaDefault { get; } =
        new(HardBytes: 256L * 1024 * 1024, SoftBytes: 64L * 1024 * 1024, SoftFor: SimDuration.FromSeconds(60));

    /// <summary>As redis.conf writes it: <c>256mb 64mb 60</c>.</summary>
    public string Describe() => $"{Size(HardBytes)} {Size(SoftBytes)} {SoftFor.Nanoseconds / SimDuration.NanosecondsPerSecond}";

    private static string Size(long bytes) =>
        bytes == 0 ? "0"
        : bytes % (1024L * 1024 * 1024) == 0 ? $"{bytes / (1024L * 1024 * 1024)}gb"
        : bytes % (1024L * 1024) == 0 ? $"{bytes / (1024L * 1024)}mb"
        : bytes % 1024 == 0 ? $"{bytes / 1024}kb"
        : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
