namespace RedisFailoverSim.Paths;

/// <summary>
/// Members a path adds that a scenario may name in a <c>partition</c>'s or <c>one-way</c>'s groups or as an
/// <c>isolate</c> target: the managed control planes (ASSUMPTION A33: regional, outside every AZ, so a partition
/// between AZs cuts one off only where a group names it). On the other paths the name matches nothing.
/// </summary>
public static class ServiceMembers
{
    /// <summary>The ElastiCache control plane.</summary>
    public const string ElastiCacheControlPlane = "elasticache-control-plane";

    /// <summary>The Serverless control plane (behind the proxies).</summary>
    public const string ServerlessControlPlane = "serverless-control-plane";

    /// <summary>Every name a scenario may use, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = [ElastiCacheControlPlane, ServerlessControlPlane];

    /// <summary>True for a control plane's name.</summary>
    public static bool IsServiceMember(string name) => Names.Contains(name, StringComparer.Ordinal);
}
