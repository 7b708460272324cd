namespace RedisFailoverSim.Tests.Calibration;

/// <summary>Tests that start real Redis processes run one at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class RealRedisCollection
{
    public const string Name = "real-redis";
}
