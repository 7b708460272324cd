using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Catalog;

/// <summary>The <c>client:</c> keys and each one's value written as a scenario would write it.</summary>
public static class ClientSettingsText
{
    /// <summary>Every <c>client:</c> key, in the order explain and the messages list them.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "library", "command-timeout", "connect-timeout", "heartbeat", "timers", "timeout-origin", "on-timeout",
        "on-readonly", "on-noreplicas", "on-loading", "on-clusterdown", "on-error", "on-reset", "retry-attempts", "retry-on", "retry-base",
        "retry-growth", "retry-cap", "retry-jitter", "reconnect-base", "reconnect-growth", "reconnect-step",
        "reconnect-max", "reconnect-jitter", "in-flight-on-drop", "offline-queue", "offline-queue-limit", "unsent-timeout", "flush-queue-after-reconnects",
        "pool-size", "pool-timeout",
        "role-check", "primary-discovery", "sentinel-timeout", "sentinel-order", "follow-switch-master", "switch-master-from", "sentinel-events", "connect-to-every-node",
        "backlog-per-node", "unconnected-slot", "topology-refresh", "dns-ttl", "dead-socket", "dead-socket-after",
    ];

    /// <summary>The value of <paramref name="key"/> in <paramref name="s"/>.</summary>
    public static string Value(ClientSettings s, string key) => key switch
    {
        "library" => s.Library,
        "command-timeout" => Duration(s.CommandTimeout, "none"),
        "connect-timeout" => Duration(s.ConnectTimeout, "none"),
        "heartbeat" => Duration(s.Heartbeat, "none"),
        "timers" => s.Timers == ClientTimers.Heartbeat ? "heartbeat" : "exact",
        "timeout-origin" => TimeoutOrigins[(int)s.TimeoutOrigin],
        "on-timeout" => Action(s.OnTimeout),
        "on-readonly" => Action(s.OnReadOnly),
        "on-noreplicas" => Action(s.OnNoReplicas),
        "on-loading" => Action(s.OnLoading),
        "on-clusterdown" => Action(s.OnClusterDown),
        "on-error" => Action(s.OnOtherError),
        "on-reset" => Action(s.OnReset),
        "retry-attempts" => s.RetryAttempts.ToString(CultureInfo.InvariantCulture),
        "retry-on" => RetryOnText(s.RetryOn),
        "retry-base" => Duration(s.RetryBackoff.Base, "none"),
        "retry-growth" => Number(s.RetryBackoff.Growth),
        "retry-cap" => Duration(s.RetryBackoff.Cap, "none"),
        "retry-jitter" => Jitter(s.RetryBackoff.Jitter),
        "reconnect-base" => Duration(s.ReconnectBase, "none"),
        "reconnect-growth" => Number(s.ReconnectGrowth),
        "reconnect-step" => Duration(s.ReconnectStep, "none"),
        "reconnect-max" => Duration(s.ReconnectMax, "none"),
        "reconnect-jitter" => Jitter(s.ReconnectJitter),
        "in-flight-on-drop" => s.InFlightOnDrop == InFlightOnDrop.Unknown ? "unknown" : "resend",
        "offline-queue" => s.OfflineQueue == OfflineQueue.Queue ? "queue" : "fail-fast",
        "offline-queue-limit" => s.OfflineQueueLimit == int.MaxValue ? "none" : s.OfflineQueueLimit.ToString(CultureInfo.InvariantCulture),
        "unsent-timeout" => s.UnsentTimeout == UnsentTimeout.Failed ? "failed" : "unknown",
        "flush-queue-after-reconnects" => s.FlushQueueAfterReconnects.ToString(CultureInfo.InvariantCulture),
        "pool-size" => s.PoolSize == int.MaxValue ? "multiplexed" : s.PoolSize.ToString(CultureInfo.InvariantCulture),
        "pool-timeout" => Duration(s.PoolTimeout, "none"),
        "role-check" => Bool(s.RoleCheckOnConnect),
        "primary-discovery" => PrimaryDiscoveries[(int)s.PrimaryDiscovery],
        "sentinel-timeout" => Duration(s.SentinelTimeout, "none"),
        "sentinel-order" => s.SentinelOrder == SentinelOrder.AsListed ? "as-listed" : "last-answered-first",
        "follow-switch-master" => Bool(s.FollowSwitchMaster),
        "switch-master-from" => s.SwitchMasterFrom == SwitchMasterSource.EverySentinel ? "every-sentinel" : "answering-sentinel",
        "sentinel-events" => s.SentinelEvents == SentinelEventAction.SwitchMaster ? "switch-master" : "rediscover",
        "connect-to-every-node" => Bool(s.ConnectToEveryNode),
        "backlog-per-node" => Bool(s.BacklogPerNode),
        "unconnected-slot" => s.UnconnectedSlot == UnconnectedSlot.AnyPrimary ? "any-primary" : "wait",
        "topology-refresh" => Duration(s.TopologyRefresh, "none"),
        "dns-ttl" => Duration(s.DnsTtl, "forever"),
        "dead-socket" => s.DeadSocket switch
        {
            DeadSocketCheck.StackExchangeHeartbeat => "stackexchange-heartbeat",
            DeadSocketCheck.SilentFor => "silent-for",
            DeadSocketCheck.None => "none",
            _ => throw new System.Diagnostics.UnreachableException(),
        },
        "dead-socket-after" => Duration(s.DeadSocketAfter, "none"),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a client key"),
    };

    /// <summary>The spellings of <see cref="TimeoutOrigin"/>.</summary>
    public static IReadOnlyList<string> TimeoutOrigins { get; } = ["intended-start", "sent", "queued"];

    /// <summary>The spellings of <see cref="PrimaryDiscovery"/>.</summary>
    public static IReadOnlyList<string> PrimaryDiscoveries { get; } = ["sentinel", "fixed-at-creation"];

    /// <summary>The spellings of <see cref="ConnectionAction"/>.</summary>
    public static IReadOnlyList<string> Actions { get; } = ["keep", "drop", "rediscover"];

    /// <summary>The spellings of <see cref="BackoffJitter"/>.</summary>
    public static IReadOnlyList<string> Jitters { get; } = ["none", "full", "from-base", "plus-minus-20-percent"];

    /// <summary>The spellings of <see cref="RetryOn"/> flags.</summary>
    public static IReadOnlyList<string> RetryReplies { get; } = ["readonly", "noreplicas", "loading", "error", "clusterdown"];

    private static string Action(ConnectionAction a) => Actions[(int)a];

    private static string Jitter(BackoffJitter j) => Jitters[(int)j];

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Number(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);

    private static string RetryOnText(RetryOn r)
    {
        var names = new List<string>();
        for (int i = 0; i < RetryReplies.Count; i++)
        {
            if (((int)r & (1 << i)) != 0)
            {
                names.Add(RetryReplies[i]);
            }
        }

        return names.Count == 0 ? "none" : "[" + string.Join(", ", names) + "]";
    }

    private static string Duration(SimDuration d, string never)
    {
        if (d >= ClientSettings.Never)
        {
            return never;
        }

        long ns = d.Nanoseconds;
        if (ns % 1_000_000_000 == 0)
        {
            return (ns / 1_000_000_000).ToString(CultureInfo.InvariantCulture) + "s";
        }

        return ns % 1_000_000 == 0
            ? (ns / 1_000_000).ToString(CultureInfo.InvariantCulture) + "ms"
            : d.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
    }
}
