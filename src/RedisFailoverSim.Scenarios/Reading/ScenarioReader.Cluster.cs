using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// The <c>cluster:</c> section: a Redis Cluster instead of one primary with Sentinels. It places its own nodes
/// (<c>n1.1</c> is shard 1's first primary, assumption A76), so <c>topology.nodes</c> and <c>topology.sentinels</c> stay
/// out; the <c>cluster-*</c> keys keep redis.conf's names and units (docs/sources.md §3.2).
/// </summary>
internal sealed partial class ScenarioReader
{
    /// <summary>The most shards a scenario may ask for: far past any bundled one, and every node pings every other.</summary>
    private const int MaxShards = 64;

    private const int MaxReplicasPerShard = 8;

    private ClusterSpec? ReadCluster(MappingReader top, Topology topology)
    {
        var s = top.Mapping("cluster", ScenarioKeys.Cluster);
        if (s is null)
        {
            return null;
        }

        var shards = s.Integer("shards", 1, MaxShards, required: true);
        var replicas = s.Integer("replicas-per-shard", 0, MaxReplicasPerShard, required: true);
        var nodeTimeout = s.Integer("cluster-node-timeout", 1, MaxSeconds * 1000, unit: "milliseconds");

        // What the scenario set; each path fills the rest with its own defaults (Redis OSS and ElastiCache differ).
        var given = new ClusterSettingsGiven(
            NodeTimeout: Milliseconds(nodeTimeout),
            RequireFullCoverage: s.Boolean("cluster-require-full-coverage"),
            ReplicaValidityFactor: (int?)s.Integer("cluster-replica-validity-factor", 0, 1_000_000),
            AllowReadsWhenDown: s.Boolean("cluster-allow-reads-when-down"),
            ReplicaNoFailover: s.Boolean("cluster-replica-no-failover"));
        if (shards is null || replicas is null || topology.Azs.Count == 0)
        {
            topology.IsComplete = false;
            return null;
        }

        var nodeShards = new List<int>();
        for (int shard = 0; shard < shards; shard++)
        {
            for (int node = 0; node <= replicas; node++)
            {
                // Assumption A76: primaries spread over the AZs, each replica one AZ further on.
                var az = topology.Azs[ClusterSpec.AzIndexOf(shard, node, topology.Azs.Count)];
                var name = ClusterSpec.NodeName(shard, node);
                topology.Nodes.Add(new NodeSpec(name, az, InitialPrimary: node == 0));
                topology.Members.Add(new Member(name, az, MemberKind.Node, s.Get("shards")!));
                nodeShards.Add(shard);
            }
        }

        return new ClusterSpec((int)shards, (int)replicas, given.Over(ClusterSettings.Default), nodeShards) { Given = given };
    }

    /// <summary>What a cluster scenario may not also say: its own node list, Sentinels, or a path that has no cluster yet.</summary>
    private void CheckClusterFits(MappingReader top, Topology topology, RequestedPaths paths)
    {
        if (topology.At is null)
        {
            return;
        }

        var section = new MappingReader(_document, (YamlDotNet.RepresentationModel.YamlMappingNode)topology.At, "topology", ScenarioKeys.Topology);
        foreach (var key in (string[])["nodes", "sentinels"])
        {
            if (section.Has(key))
            {
                section.Report(
                    key,
                    "a scenario with 'cluster:' places its own nodes (n1.1, n1.2, … shard by shard) and needs no "
                    + $"sentinels; remove topology.{key} or the cluster: section");
            }
        }

        var capable = DeploymentPaths.WithClusterMode;
        var others = paths.Names.Where(p => !capable.Contains(p)).ToList();
        if (paths.At is not null && top.Has("paths") && others.Count > 0)
        {
            var which = capable.Count == 1 ? $"the {capable[0]} path" : $"the {string.Join(", ", capable.Take(capable.Count - 1))} and {capable[^1]} paths";
            _document.Report(
                paths.At,
                $"paths: cluster mode is modelled on {which} only (docs/sources.md §3); found {string.Join(", ", others)}; "
                + $"write paths: [{string.Join(", ", paths.Names.Where(capable.Contains).DefaultIfEmpty(capable[0]))}]");
        }
    }
}
