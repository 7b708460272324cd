namespace RedisFailoverSim.Calibration.Cluster;

/// <summary>What a member of the real run is.</summary>
internal enum MemberKind
{
    /// <summary>A <c>redis-server</c> node.</summary>
    Node,

    /// <summary>A <c>redis-sentinel</c>.</summary>
    Sentinel,

    /// <summary>A StackExchange.Redis client inside rfsim.</summary>
    Client,
}
