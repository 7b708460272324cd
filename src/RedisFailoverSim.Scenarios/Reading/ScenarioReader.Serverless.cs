using RedisFailoverSim.Model.Specs;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// What the <c>serverless:</c> block may say only with the rest of the scenario: a warm pool of shards (A161) takes shards
/// of the <c>cluster:</c> section, and at least one shard must own the slots at the start.
/// </summary>
internal sealed partial class ScenarioReader
{
    private void CheckWarmShards(MappingReader top, ServerlessSettings serverless, ClusterSpec? cluster)
    {
        if (serverless.WarmShards == 0 || top.Get(ServerlessSettings.BlockName) is not YamlMappingNode block)
        {
            return;
        }

        var section = new MappingReader(_document, block, ServerlessSettings.BlockName, ServerlessSettings.Keys);
        if (cluster is null)
        {
            section.Report("warm-shards", "the warm pool holds shards of a cluster: section (A161), and this scenario has none; add cluster: with more shards than warm-shards, or remove warm-shards");
        }
        else if (serverless.WarmShards >= cluster.Shards)
        {
            section.Report("warm-shards", $"expected fewer than cluster.shards ({cluster.Shards}): at least one shard owns the slots at the start and the warm pool holds the others (A161); found {serverless.WarmShards}");
        }
    }
}
