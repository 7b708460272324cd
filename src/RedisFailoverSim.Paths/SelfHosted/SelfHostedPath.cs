using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Paths.SelfHosted;

/// <summary>Redis OSS / Valkey on EC2 with Sentinel, assembled from model components.</summary>
internal static class SelfHostedPath
{
    public static PathResult Run(WorldSpec world, ulong seed, RunOptions options) =>
        throw new NotImplementedException("being built in issue 4");
}
