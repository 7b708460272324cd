using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// The <c>client:</c> section: <c>library</c> picks a profile (<see cref="ClientLibraries"/>, StackExchange.Redis when
/// omitted) and every other key overrides that profile's value.
/// </summary>
internal sealed partial class ScenarioReader
{
    private ClientSettings ReadClient(MappingReader top) =>
        top.Mapping("client", ScenarioKeys.Client) is { } s ? ReadClientSettings(s, ClientSettings.Default) : ClientSettings.Default;

    /// <summary>
    /// A client listed with its own <c>client:</c> mapping (<c>topology.clients[i].client</c>) starts from the profile
    /// its <c>library</c> names, else from the scenario's <c>client:</c> settings, and its other keys override that.
    /// </summary>
    private static void ReadOwnClients(Topology topology, ClientSettings scenarioClient)
    {
        foreach (var (index, section) in topology.ClientSections)
        {
            topology.Clients[index] = topology.Clients[index] with { Settings = ReadClientSettings(section, scenarioClient) };
        }
    }

    /// <summary>The settings of a <c>client:</c> mapping: <paramref name="inherited"/> unless it names a library, with its keys over them.</summary>
    private static ClientSettings ReadClientSettings(MappingReader s, ClientSettings inherited)
    {
        var d = ReadLibrary(s, inherited);
        var retry = d.RetryBackoff;
        var settings = d with
        {
            CommandTimeout = Never(s, "command-timeout", "none") ?? d.CommandTimeout,
            ConnectTimeout = Never(s, "connect-timeout", "none") ?? d.ConnectTimeout,
            Heartbeat = s.Duration("heartbeat") ?? d.Heartbeat,
            Timers = Choice(s, "timers", ["heartbeat", "exact"], [ClientTimers.Heartbeat, ClientTimers.Exact]) ?? d.Timers,
            TimeoutOrigin = Choice(s, "timeout-origin", ["intended-start", "sent", "queued"], [TimeoutOrigin.IntendedStart, TimeoutOrigin.Sent, TimeoutOrigin.Queued]) ?? d.TimeoutOrigin,
            OnTimeout = Action(s, "on-timeout") ?? d.OnTimeout,
            OnReadOnly = Action(s, "on-readonly") ?? d.OnReadOnly,
            OnNoReplicas = Action(s, "on-noreplicas") ?? d.OnNoReplicas,
            OnLoading = Action(s, "on-loading") ?? d.OnLoading,
            OnClusterDown = Action(s, "on-clusterdown") ?? d.OnClusterDown,
            OnOtherError = Action(s, "on-error") ?? d.OnOtherError,
            OnReset = Choice(s, "on-reset", ["drop", "rediscover"], [ConnectionAction.Drop, ConnectionAction.Rediscover]) ?? d.OnReset,
            RetryAttempts = (int?)s.Integer("retry-attempts", 0, 1000) ?? d.RetryAttempts,
            RetryOn = ReadRetryOn(s) ?? d.RetryOn,
            RetryBackoff = new Backoff(
                s.Duration("retry-base", allowZero: true) ?? retry.Base,
                s.Number("retry-growth", 1, inclusive: true) ?? retry.Growth,
                SimDuration.Zero,
                s.Duration("retry-cap", allowZero: true) ?? retry.Cap,
                Jitter(s, "retry-jitter") ?? retry.Jitter),
            ReconnectBase = s.Duration("reconnect-base", allowZero: true) ?? d.ReconnectBase,
            ReconnectGrowth = s.Number("reconnect-growth", 1, inclusive: true) ?? d.ReconnectGrowth,
            ReconnectStep = s.Duration("reconnect-step", allowZero: true) ?? d.ReconnectStep,
            ReconnectMax = s.Duration("reconnect-max", allowZero: true) ?? d.ReconnectMax,
            ReconnectJitter = Jitter(s, "reconnect-jitter") ?? d.ReconnectJitter,
            InFlightOnDrop = Choice(s, "in-flight-on-drop", ["unknown", "resend"], [InFlightOnDrop.Unknown, InFlightOnDrop.Resend]) ?? d.InFlightOnDrop,
            OfflineQueue = Choice(s, "offline-queue", ["queue", "fail-fast"], [OfflineQueue.Queue, OfflineQueue.FailFast]) ?? d.OfflineQueue,
            OfflineQueueLimit = QueueLimit(s) ?? d.OfflineQueueLimit,
            UnsentTimeout = Choice(s, "unsent-timeout", ["failed", "unknown"], [UnsentTimeout.Failed, UnsentTimeout.Unknown]) ?? d.UnsentTimeout,
            FlushQueueAfterReconnects = (int?)s.Integer("flush-queue-after-reconnects", 0, 1_000_000) ?? d.FlushQueueAfterReconnects,
            PoolSize = PoolSize(s) ?? d.PoolSize,
            PoolTimeout = Never(s, "pool-timeout", "none") ?? d.PoolTimeout,
            RoleCheckOnConnect = s.Boolean("role-check") ?? d.RoleCheckOnConnect,
            PrimaryDiscovery = Choice(s, "primary-discovery", ClientSettingsText.PrimaryDiscoveries, [PrimaryDiscovery.Sentinel, PrimaryDiscovery.FixedAtCreation]) ?? d.PrimaryDiscovery,
            SentinelTimeout = s.Duration("sentinel-timeout") ?? d.SentinelTimeout,
            SentinelOrder = Choice(s, "sentinel-order", ["as-listed", "last-answered-first"], [SentinelOrder.AsListed, SentinelOrder.LastAnsweredFirst]) ?? d.SentinelOrder,
            FollowSwitchMaster = s.Boolean("follow-switch-master") ?? d.FollowSwitchMaster,
            SwitchMasterFrom = Choice(s, "switch-master-from", ["every-sentinel", "answering-sentinel"], [SwitchMasterSource.EverySentinel, SwitchMasterSource.AnsweringSentinel]) ?? d.SwitchMasterFrom,
            SentinelEvents = Choice(s, "sentinel-events", ["switch-master", "rediscover"], [SentinelEventAction.SwitchMaster, SentinelEventAction.Rediscover]) ?? d.SentinelEvents,
            ConnectToEveryNode = s.Boolean("connect-to-every-node") ?? d.ConnectToEveryNode,
            BacklogPerNode = s.Boolean("backlog-per-node") ?? d.BacklogPerNode,
            UnconnectedSlot = Choice(s, "unconnected-slot", ["any-primary", "wait"], [UnconnectedSlot.AnyPrimary, UnconnectedSlot.Wait]) ?? d.UnconnectedSlot,
            TopologyRefresh = Never(s, "topology-refresh", "none") ?? d.TopologyRefresh,
            DnsTtl = Never(s, "dns-ttl", "forever", allowZero: true) ?? d.DnsTtl,
            DeadSocket = Choice(s, "dead-socket", ["stackexchange-heartbeat", "silent-for", "none"], [DeadSocketCheck.StackExchangeHeartbeat, DeadSocketCheck.SilentFor, DeadSocketCheck.None]) ?? d.DeadSocket,
            DeadSocketAfter = s.Duration("dead-socket-after") ?? d.DeadSocketAfter,
        };
        CheckPrimaryDiscovery(s, settings);
        return settings;
    }

    /// <summary>
    /// A client that keeps the primary found at creation (assumption A176) holds one connection for writes: one
    /// connected to every node follows whichever node says role:master (assumption A37), which is the other mode.
    /// </summary>
    private static void CheckPrimaryDiscovery(MappingReader s, ClientSettings settings)
    {
        if (settings.PrimaryDiscovery == PrimaryDiscovery.FixedAtCreation && settings.ConnectToEveryNode)
        {
            s.Report(s.Has("primary-discovery") ? "primary-discovery" : "connect-to-every-node",
                "primary-discovery: fixed-at-creation keeps one node for the client's life and needs connect-to-every-node: false "
                + "(a client connected to every node follows whichever says role:master, assumption A37)");
        }
    }

    /// <summary>The profile <c>library</c> names, or StackExchange.Redis's; an unknown name is reported with the closest one.</summary>
    private static ClientSettings ReadLibrary(MappingReader s, ClientSettings inherited)
    {
        var name = s.Text("library", "a client library's name");
        if (name is null)
        {
            return inherited;
        }

        if (ClientLibraries.TryFind(name, out var library))
        {
            return library.Settings;
        }

        var closest = Suggestions.Closest(name, ClientLibraries.Ids);
        s.Report("library", $"unknown client library '{name}'" + (closest is null ? "" : $"; did you mean '{closest}'?")
            + $" (known: {string.Join(", ", ClientLibraries.Ids)})");
        return ClientSettings.Default;
    }

    /// <summary>A duration, or <paramref name="never"/> for one longer than any run.</summary>
    private static SimDuration? Never(MappingReader s, string key, string never, bool allowZero = false)
    {
        var text = s.Has(key) ? s.Scalar(key, $"a duration with a unit, e.g. 500ms, 30s, or '{never}'") : null;
        if (text is not null && string.Equals(text.Trim(), never, StringComparison.OrdinalIgnoreCase))
        {
            return ClientSettings.Never;
        }

        return text is null ? null : s.Duration(key, allowZero: allowZero);
    }

    /// <summary><c>offline-queue-limit</c>: a count of writes, or <c>none</c> for an unbounded queue.</summary>
    private static int? QueueLimit(MappingReader s) => CountOrUnbounded(s, "offline-queue-limit", "none");

    /// <summary><c>pool-size</c>: a count of writes in flight, or <c>multiplexed</c> for no bound.</summary>
    private static int? PoolSize(MappingReader s) => CountOrUnbounded(s, "pool-size", "multiplexed");

    /// <summary>A count of writes (1 or more), or <paramref name="unbounded"/> for no bound (<see cref="int.MaxValue"/>).</summary>
    private static int? CountOrUnbounded(MappingReader s, string key, string unbounded)
    {
        var text = s.Has(key) ? s.Scalar(key, $"a number of writes (1 or more), or '{unbounded}'") : null;
        if (text is not null && string.Equals(text.Trim(), unbounded, StringComparison.OrdinalIgnoreCase))
        {
            return int.MaxValue;
        }

        return text is null ? null : (int?)s.Integer(key, 1, int.MaxValue - 1);
    }

    private static ConnectionAction? Action(MappingReader s, string key) =>
        Choice(s, key, ClientSettingsText.Actions, [ConnectionAction.Keep, ConnectionAction.Drop, ConnectionAction.Rediscover]);

    private static BackoffJitter? Jitter(MappingReader s, string key) =>
        Choice(s, key, ClientSettingsText.Jitters, [BackoffJitter.None, BackoffJitter.Full, BackoffJitter.FromBase, BackoffJitter.PlusMinus20Percent]);

    /// <summary>One of <paramref name="names"/> (the value at the same index), or a report listing them.</summary>
    private static T? Choice<T>(MappingReader s, string key, IReadOnlyList<string> names, T[] values)
        where T : struct
    {
        var text = s.Scalar(key, "one of " + string.Join(", ", names));
        if (text is null)
        {
            return null;
        }

        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return values[i];
            }
        }

        var closest = Suggestions.Closest(text, names);
        s.Report(key, $"expected one of {string.Join(", ", names)}; found '{text}'" + (closest is null ? "" : $" (did you mean '{closest}'?)"));
        return null;
    }

    /// <summary><c>retry-on: [readonly, loading]</c> or <c>none</c>.</summary>
    private static RetryOn? ReadRetryOn(MappingReader s)
    {
        if (!s.Has("retry-on"))
        {
            return null;
        }

        var node = s.Get("retry-on");
        var items = node is YamlDotNet.RepresentationModel.YamlSequenceNode seq
            ? seq.Children.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(n => n.Value ?? "").ToList()
            : [s.Scalar("retry-on", "a list of error replies (readonly, noreplicas, loading, error, clusterdown) or none") ?? ""];
        var result = RetryOn.None;
        foreach (var item in items)
        {
            int index = ClientSettingsText.RetryReplies.ToList().FindIndex(n => string.Equals(n, item.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                result |= (RetryOn)(1 << index);
            }
            else if (!string.Equals(item.Trim(), "none", StringComparison.OrdinalIgnoreCase))
            {
                s.Report("retry-on", $"expected error replies from {string.Join(", ", ClientSettingsText.RetryReplies)} (or none); found '{item}'");
                return null;
            }
        }

        return result;
    }
}
