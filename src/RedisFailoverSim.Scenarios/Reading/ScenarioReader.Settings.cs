using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// The settings sections: <c>network:</c>, <c>redis:</c>, <c>sentinel:</c>, <c>client:</c>, <c>run:</c> and the AWS
/// path blocks. Every key is optional; an omitted one keeps the Model's documented default (its record's
/// <c>Default</c>, with the docs/sources.md source in its doc comment).
/// </summary>
internal sealed partial class ScenarioReader
{
    private const long MaxSeconds = 30L * 24 * 3600;

    private NetworkSpec ReadNetwork(MappingReader top)
    {
        var d = NetworkSpec.Default;
        if (top.Mapping("network", ScenarioKeys.Network) is not { } s)
        {
            return d;
        }

        return new NetworkSpec(
            SameAzMedian: s.Duration("same-az-median", max: ScenarioLimits.NetworkMedian) ?? d.SameAzMedian,
            SameAzSigma: s.Number("same-az-sigma", 0, inclusive: true, max: ScenarioLimits.NetworkSigma) ?? d.SameAzSigma,
            CrossAzMedian: s.Duration("cross-az-median", max: ScenarioLimits.NetworkMedian) ?? d.CrossAzMedian,
            CrossAzSigma: s.Number("cross-az-sigma", 0, inclusive: true, max: ScenarioLimits.NetworkSigma) ?? d.CrossAzSigma)
        {
            NodeBandwidthBitsPerSecond = ReadBandwidth(s, "node-bandwidth") ?? d.NodeBandwidthBitsPerSecond,
        };
    }

    /// <summary>
    /// A bandwidth in bits per second written with its unit, as AWS publishes node bandwidth: <c>0.937gbps</c>,
    /// <c>500mbps</c> (decimal units: 1 Gbps = 10^9 bit/s).
    /// </summary>
    private static long? ReadBandwidth(MappingReader s, string key)
    {
        const string what = "a bandwidth in bits per second with its unit (e.g. 0.937gbps or 500mbps)";
        var text = s.Scalar(key, what);
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim().ToLowerInvariant();
        (string Suffix, double Scale)[] units = [("gbps", 1e9), ("mbps", 1e6), ("kbps", 1e3)];
        foreach (var (suffix, scale) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(trimmed[..^suffix.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value) && value > 0 && value * scale >= 1 && value * scale <= 1e15)
            {
                return (long)Math.Round(value * scale);
            }
        }

        s.Report(key, $"expected {what}, from 1 bit/s to 1,000,000 Gbps; found '{text}'");
        return null;
    }

    private RedisSettings ReadRedis(MappingReader top)
    {
        var d = RedisSettings.Default;
        if (top.Mapping("redis", ScenarioKeys.Redis) is not { } s)
        {
            return d;
        }

        // Vendor keys keep redis.conf's units: min-replicas-max-lag and the repl-* periods are whole seconds.
        var settings = new RedisSettings(
            MinReplicasToWrite: (int?)s.Integer("min-replicas-to-write", 0, int.MaxValue) ?? d.MinReplicasToWrite,
            MinReplicasMaxLag: Seconds(s.Integer("min-replicas-max-lag", 1, MaxSeconds, unit: "seconds")) ?? d.MinReplicasMaxLag,
            ReplBacklogBytes: s.Size("repl-backlog-size") ?? d.ReplBacklogBytes,
            ReplTimeout: Seconds(s.Integer("repl-timeout", 1, MaxSeconds, unit: "seconds")) ?? d.ReplTimeout,
            ReplPingReplicaPeriod: Seconds(s.Integer("repl-ping-replica-period", 1, MaxSeconds, unit: "seconds")) ?? d.ReplPingReplicaPeriod,
            ReplDisklessSyncDelay: Seconds(s.Integer("repl-diskless-sync-delay", 0, MaxSeconds, unit: "seconds")) ?? d.ReplDisklessSyncDelay,
            FullSyncBytesPerSecond: ReadRate(s, "full-sync-rate") ?? d.FullSyncBytesPerSecond,
            BaseDatasetBytes: s.Size("base-dataset-size", allowZero: true) ?? d.BaseDatasetBytes,
            Persistence: ReadPersistence(s, d.Persistence),
            ReplicaOutputBufferLimit: ReadOutputBufferLimit(s, "client-output-buffer-limit-replica") ?? d.ReplicaOutputBufferLimit);

        // redis.conf: repl-timeout must be larger than repl-ping-replica-period (docs/sources.md §1.1).
        if (settings.ReplTimeout <= settings.ReplPingReplicaPeriod && (s.Has("repl-timeout") || s.Has("repl-ping-replica-period")))
        {
            s.Report(
                s.Has("repl-timeout") ? "repl-timeout" : "repl-ping-replica-period",
                $"expected repl-timeout ({settings.ReplTimeout.WholeMilliseconds / 1000}) to exceed "
                + $"repl-ping-replica-period ({settings.ReplPingReplicaPeriod.WholeMilliseconds / 1000}), as redis.conf requires");
        }

        return settings;
    }

    /// <summary>
    /// <c>client-output-buffer-limit replica</c>'s three values as redis.conf writes them: <c>256mb 64mb 60</c> (hard
    /// limit, soft limit, soft seconds; 0 turns a limit off; docs/sources.md §8.1).
    /// </summary>
    private static OutputBufferLimit? ReadOutputBufferLimit(MappingReader s, string key)
    {
        const string what = "a hard limit, a soft limit and soft seconds as redis.conf writes them (e.g. 256mb 64mb 60)";
        var text = s.Scalar(key, what);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 3
            && ScalarText.Size(parts[0], out _) is { } hard
            && ScalarText.Size(parts[1], out _) is { } soft
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxSeconds)
        {
            return new OutputBufferLimit(hard, soft, SimDuration.FromSeconds(seconds));
        }

        s.Report(key, $"expected {what}; found '{text}'");
        return null;
    }

    private SentinelSettings ReadSentinel(MappingReader top, Topology topology, RequestedPaths paths)
    {
        var d = SentinelSettings.Default;
        var s = top.Mapping("sentinel", ScenarioKeys.Sentinel);

        // Vendor keys keep sentinel.conf's units: down-after-milliseconds and failover-timeout are milliseconds.
        var settings = s is null ? d : new SentinelSettings(
            Quorum: (int?)s.Integer("quorum", 1, int.MaxValue) ?? d.Quorum,
            DownAfter: Milliseconds(s.Integer("down-after-milliseconds", 1, MaxSeconds * 1000, unit: "milliseconds")) ?? d.DownAfter,
            FailoverTimeout: Milliseconds(s.Integer("failover-timeout", 1, MaxSeconds * 1000, unit: "milliseconds")) ?? d.FailoverTimeout,
            ParallelSyncs: (int?)s.Integer("parallel-syncs", 1, int.MaxValue) ?? d.ParallelSyncs);

        var sentinelCount = topology.Sentinels.Count;
        if (topology.IsComplete && sentinelCount > 0 && settings.Quorum > sentinelCount
            && paths.Names.Contains(DeploymentPaths.SelfHosted))
        {
            var given = s?.Has("quorum") == true;
            var message = $"sentinel.quorum: expected a quorum from 1 to the number of sentinels ({sentinelCount}); found {settings.Quorum}"
                + (given ? "" : " (the default; set sentinel.quorum)");
            _document.Report(given ? s!.Get("quorum")! : topology.SentinelsAt ?? topology.At!, message);
        }

        return settings;
    }

    private RunSettings ReadRun(MappingReader top)
    {
        var d = RunSettings.Default;
        if (top.Mapping("run", ScenarioKeys.Run) is not { } s)
        {
            return d;
        }

        return new RunSettings(
            ConvergenceBound: s.Duration("convergence-bound") ?? d.ConvergenceBound,
            Audit: s.Boolean("audit") ?? d.Audit);
    }

    /// <summary>
    /// The AWS path blocks (<c>elasticache:</c>, <c>serverless:</c>, <c>memorydb:</c>), parsed by the Model's typed
    /// settings; a bad key or value is reported at its line with the allowed keys or the expected format.
    /// </summary>
    private PathSettings ReadPathSettings(MappingReader top)
    {
        var elastiCache = ReadPathBlock(top, DeploymentPaths.ElastiCache, ElastiCacheSettings.FromValues) ?? ElastiCacheSettings.Default;
        var serverless = ReadPathBlock(top, DeploymentPaths.Serverless, ServerlessSettings.FromValues) ?? ServerlessSettings.Default;
        var memoryDb = ReadPathBlock(top, DeploymentPaths.MemoryDb, MemoryDbSettings.FromValues) ?? MemoryDbSettings.Default;
        return new PathSettings(elastiCache, serverless, memoryDb);
    }

    private T? ReadPathBlock<T>(MappingReader top, string path, Func<IReadOnlyList<KeyValuePair<string, string>>?, T> parse)
        where T : class
    {
        switch (top.Get(path))
        {
            case null:
                return null;
            case YamlMappingNode block:
                var pairs = ReadPathBlock(block, path).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                // The Model's parser stops at the first bad key; parse again without it until none is left, so every
                // bad key of the block is reported at once, not one per attempt.
                var reported = false;
                while (true)
                {
                    try
                    {
                        var settings = parse(pairs);
                        return reported ? null : settings;
                    }
                    catch (PathSettingException e)
                    {
                        var keyNode = block.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == e.Key);
                        // The Model's message already starts with "block.key: "; say it once.
                        var prefix = $"{path}.{e.Key}: ";
                        var message = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message : prefix + e.Message;
                        _document.Report((YamlNode?)keyNode ?? block, message);
                        reported = true;
                        var rest = pairs.Where(p => p.Key != e.Key).ToList();
                        if (rest.Count == pairs.Count)
                        {
                            return null;
                        }

                        pairs = rest;
                    }
                }

            case var other:
                top.Report(path, $"expected a mapping of {path} settings (key: value); found {MappingReader.Describe(other)}");
                return null;
        }
    }

    private List<KeyValuePair<string, string>> ReadPathBlock(YamlMappingNode block, string path)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in block.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !IsValidName(name))
            {
                _document.Report(key, $"{path}: expected a setting name; found {MappingReader.Describe(key)}");
            }
            else if (value is not YamlScalarNode { Value: { } text } scalar
                || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && ScalarText.IsNull(text)))
            {
                _document.Report(value, $"{path}.{name}: expected a single value; found {MappingReader.Describe(value)}");
            }
            else
            {
                pairs.Add(new(name, text));
            }
        }

        return pairs;
    }

    /// <summary>A rate in bytes per second written as a size per second: <c>100mb/s</c>.</summary>
    private static long? ReadRate(MappingReader s, string key)
    {
        var text = s.Scalar(key, "a rate in bytes per second (e.g. 100mb/s)");
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        var bytes = trimmed.EndsWith("/s", StringComparison.OrdinalIgnoreCase)
            ? ScalarText.Size(trimmed[..^2], out _)
            : null;
        if (bytes is not > 0)
        {
            s.Report(key, $"expected a rate in bytes per second greater than zero (e.g. 100mb/s); found '{text}'");
            return null;
        }

        return bytes;
    }

    private static SimDuration? Seconds(long? seconds) => seconds is { } s ? SimDuration.FromSeconds(s) : null;

    private static SimDuration? Milliseconds(long? milliseconds) => milliseconds is { } ms ? SimDuration.FromMilliseconds(ms) : null;
}
