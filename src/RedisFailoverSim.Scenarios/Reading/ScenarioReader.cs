using System.Globalization;
using System.Text.RegularExpressions;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// Turns a parsed YAML tree into a <see cref="Scenario"/>: reads every section, reports every problem with its
/// place, checks what the sections say about each other, and builds the Model's records only when nothing is
/// wrong. Omitted settings take the Model's documented defaults.
/// </summary>
internal sealed partial class ScenarioReader(ScenarioDocument document)
{
    private readonly ScenarioDocument _document = document;

    /// <summary>The scenario, or null when problems were reported.</summary>
    public Scenario? Read(YamlMappingNode root, string sourcePath, string sha256)
    {
        var top = new MappingReader(_document, root, "", ScenarioKeys.TopLevel);
        var name = top.Text("name", "a scenario name of letters, digits, '.', '_' or '-'", required: true, IsValidName);
        var description = top.Text("description", "a description") ?? "";
        if (description.Length > ScenarioLimits.DescriptionLength)
        {
            top.Report("description", $"expected at most {ScenarioLimits.DescriptionLength} characters (it is copied into results.json and the report); found {description.Length:N0}");
            description = "";
        }
        var seed = ReadSeed(top);
        var paths = ReadPaths(top);

        bool clusterMode = top.Has("cluster");
        var topology = ReadTopology(top, clusterMode);
        var cluster = ReadCluster(top, topology);
        CheckNames(topology);
        if (clusterMode && !top.Has("paths"))
        {
            // Leaving 'paths' out of a cluster scenario means every path that has a cluster mode.
            paths = paths with { Names = [.. DeploymentPaths.WithClusterMode] };
        }

        var workload = ReadWorkload(top, paths);
        var faults = ReadFaults(top, topology, clusterMode, workload?.Duration);
        // CLUSTER FAILOVER needs a cluster bus; the managed paths fail their shards over themselves (A150, A152).
        var noManualFailover = paths.Names.Where(p => p is DeploymentPaths.MemoryDb or DeploymentPaths.Serverless).ToList();
        if (faults.Any(f => f.Kind == FaultKind.ClusterFailover) && noManualFailover.Count > 0)
        {
            if (top.Has("paths") && paths.At is not null)
            {
                var named = string.Join(", ", noManualFailover);
                _document.Report(
                    paths.At,
                    $"paths: a cluster-failover fault does not run on {named}: the service fails its shards over itself (docs/sources.md §5.1, §6.1) "
                    + $"and CLUSTER FAILOVER is not modelled there; use node-replacement for a planned failover, or leave {named} out");
            }
            else
            {
                // Leaving 'paths' out means the cluster paths that can run every fault of the scenario.
                paths = paths with { Names = paths.Names.Where(p => !noManualFailover.Contains(p)).ToList() };
            }
        }

        var network = ReadNetwork(top);
        var redis = ReadRedis(top);
        var sentinel = ReadSentinel(top, topology, paths);
        var client = ReadClient(top);
        ReadOwnClients(topology, client);
        var run = ReadRun(top);
        var pathSettings = ReadPathSettings(top);
        CheckWarmShards(top, pathSettings.Serverless, cluster);
        var expectations = ReadExpectations(top, paths);
        var month = ReadMonth(top, workload?.ValueBytes);
        var decide = ReadDecide(top);
        if (workload?.Wait is not null && paths.Names.Contains(DeploymentPaths.ElastiCache)
            && pathSettings.ElastiCache.Durability != ElastiCacheDurability.Disabled)
        {
            // A durable shard acknowledges at the transaction log (A97); WAIT there is not modelled.
            top.Report("workload", "wait: WAIT and WAITAOF are not modelled with elasticache.durability sync or async (the shard runs on the transaction log, A97); set durability: disabled or leave elasticache out of 'paths'");
        }

        if (clusterMode && paths.Names.Contains(DeploymentPaths.ElastiCache)
            && pathSettings.ElastiCache.Durability != ElastiCacheDurability.Disabled)
        {
            // The log-backed shard (A97) is modelled for one shard without the cluster bus.
            top.Report("elasticache", "durability sync and async are not modelled with cluster: (ElastiCache cluster mode enabled runs the cluster bus, docs/sources.md §4.9; the log-backed shard of A97 is one shard); set durability: disabled or leave elasticache out of 'paths'");
        }

        if (clusterMode)
        {
            CheckClusterFits(top, topology, paths);
        }
        else
        {
            CheckSelfHostedHasSentinels(topology, paths);
        }

        if (_document.HasProblems)
        {
            return null;
        }

        var world = new WorldSpec(
            topology.Azs,
            topology.Nodes,
            topology.Sentinels,
            topology.Clients,
            workload!,
            faults,
            network,
            redis,
            sentinel,
            client,
            run,
            pathSettings)
        {
            Cluster = cluster,
        };
        return new Scenario(name!, description, sourcePath, sha256, seed, world, paths.Names, expectations)
        {
            Month = month,
            Decide = decide,
        };
    }

    /// <summary>Names of scenarios, AZs and members: safe in file names and messages.</summary>
    internal static bool IsValidName(string name) => name.Length <= 100 && NamePattern().IsMatch(name);

    private ulong? ReadSeed(MappingReader top)
    {
        var text = top.Scalar("seed", "a whole number from 0 to 18446744073709551615");
        if (text is null)
        {
            return null;
        }

        if (ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }

        top.Report("seed", $"expected a whole number from 0 to 18446744073709551615; found '{text}'");
        return null;
    }

    /// <summary>The paths asked for, in report order, and where they were asked for.</summary>
    private sealed record RequestedPaths(IReadOnlyList<string> Names, YamlNode? At, bool IsComplete);

    private RequestedPaths ReadPaths(MappingReader top)
    {
        var sequence = top.Sequence("paths", $"a list of paths ({string.Join(", ", DeploymentPaths.All)})");
        if (sequence is null)
        {
            return new RequestedPaths(DeploymentPaths.All, top.Get("paths"), IsComplete: !top.Has("paths"));
        }

        var named = new List<string>();
        var complete = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var entry = sequence.Children[i];
            if (entry is not YamlScalarNode { Value: { } path } || !DeploymentPaths.All.Contains(path))
            {
                var found = MappingReader.Describe(entry);
                var hint = entry is YamlScalarNode { Value: { } text } ? Suggestions.DidYouMean(text, DeploymentPaths.All) : "";
                _document.Report(entry, $"paths[{i}]: expected one of {string.Join(", ", DeploymentPaths.All)}; found {found}{hint}");
                complete = false;
            }
            else if (named.Contains(path))
            {
                _document.Report(entry, $"paths[{i}]: '{path}' is listed twice");
            }
            else
            {
                named.Add(path);
            }
        }

        if (sequence.Children.Count == 0)
        {
            _document.Report(sequence, "paths: expected at least one path; leave 'paths' out to run all four");
        }

        var ordered = DeploymentPaths.All.Where(named.Contains).ToList();
        return new RequestedPaths(ordered, sequence, complete);
    }

    private void CheckSelfHostedHasSentinels(Topology topology, RequestedPaths paths)
    {
        if (!topology.IsComplete || topology.At is null || topology.Sentinels.Count > 0
            || !paths.Names.Contains(DeploymentPaths.SelfHosted))
        {
            return;
        }

        var message = paths.At is null
            ? "topology: no sentinels, but the self-hosted path needs them (all four paths run when 'paths' is left out); "
                + "add topology.sentinels or list the paths to run under 'paths'"
            : "topology: no sentinels, but 'paths' includes self-hosted, which needs them; "
                + "add topology.sentinels or remove self-hosted from 'paths'";
        _document.Report(paths.At ?? topology.At, message);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
