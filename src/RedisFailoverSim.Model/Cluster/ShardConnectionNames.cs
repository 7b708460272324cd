using System.Globalization;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// A scenario client of a cluster runs one connection per shard (A82), named <c>c1/shard2</c>. A fault that names the
/// scenario client (a partition group, an isolate target) means all of them: the application is one process
/// (docs/sources.md §3.14).
/// </summary>
public static class ShardConnectionNames
{
    private const string Separator = "/shard";

    /// <summary>The name of <paramref name="client"/>'s connection to shard <paramref name="shardIndex"/> (0-based).</summary>
    public static string Of(string client, int shardIndex) =>
        client + Separator + (shardIndex + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The scenario name a member stands for: <c>c1</c> for <c>c1/shard2</c>, else the name itself.</summary>
    public static string ScenarioName(string memberName)
    {
        int at = memberName.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 ? memberName[..at] : memberName;
    }
}
