namespace RedisFailoverSim.Model.Specs;

/// <summary>The error replies after which a client library sends the same command again (after its retry backoff).</summary>
[Flags]
public enum RetryOn
{
    /// <summary>No retry: every error reply is returned to the application.</summary>
    None = 0,

    /// <summary><c>-READONLY</c> (go-redis retries it; redis-py's Sentinel client turns it into a retried connection error).</summary>
    ReadOnly = 1,

    /// <summary><c>-NOREPLICAS</c>.</summary>
    NoReplicas = 2,

    /// <summary><c>-LOADING</c> (go-redis retries it).</summary>
    Loading = 4,

    /// <summary>Any other error reply.</summary>
    OtherError = 8,

    /// <summary><c>-CLUSTERDOWN</c>: a cluster node whose cluster state is FAIL (go-redis retries it).</summary>
    ClusterDown = 16,
}
