using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>The scenario in words: where things run, what the clients write, what breaks and when.</summary>
internal static class ScenarioWords
{
    /// <summary>Sentences describing <paramref name="world"/>, one per paragraph.</summary>
    public static IReadOnlyList<string> Describe(WorldSpec world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var lines = new List<string>
        {
            $"{world.Nodes.Count} Redis nodes in {world.Azs.Count} AZs: {ByAz(world.Azs, world.Nodes.Select(n => (n.Az, n.InitialPrimary ? n.Name + " (primary)" : n.Name)))}.",
        };
        if (world.Sentinels.Count > 0)
        {
            lines.Add($"{world.Sentinels.Count} Sentinels (self-hosted path): {ByAz(world.Azs, world.Sentinels.Select(s => (s.Az, s.Name)))}; "
                + $"quorum {world.Sentinel.Quorum}, down-after-milliseconds {Ms(world.Sentinel.DownAfter)}, "
                + $"failover-timeout {Ms(world.Sentinel.FailoverTimeout)}.");
        }

        var w = world.Workload;
        var library = world.HasPerClientSettings ? world.Client.Library + " unless named below" : world.Client.Library;
        lines.Add($"{world.Clients.Count} clients ({library}): {ByAz(world.Azs, world.Clients.Select(c => (c.Az, c.Name)))}; "
            + $"each writes {Number(w.RatePerClient)} times a second ({(w.Arrival == ArrivalProcess.Constant ? "evenly spaced" : "Poisson arrivals")}, "
            + $"{w.ValueBytes}-byte values) for {Seconds(w.Duration)}, whatever happens to earlier writes; command timeout {Ms(world.Client.CommandTimeout)}.");
        if (world.HasPerClientSettings)
        {
            var own = world.Clients.Where(c => c.Settings is not null)
                .Select(c => $"{c.Name} {c.Settings!.Library} (command timeout {Timeout(c.Settings.CommandTimeout)})");
            lines.Add($"Clients with library settings of their own (topology.clients[].client): {string.Join(", ", own)}.");
        }
        if (world.Redis.MinReplicasToWrite > 0)
        {
            lines.Add($"min-replicas-to-write {world.Redis.MinReplicasToWrite} with min-replicas-max-lag {Seconds(world.Redis.MinReplicasMaxLag)}: "
                + "a primary refuses writes when fewer good replicas are connected.");
        }

        return lines;
    }

    /// <summary>
    /// One sentence per fault: the scenario's words (what, when, for how long) and, when a path ran it, what it
    /// resolved to (<c>partition: {n1,n2} | {n3,n4,n5}</c>).
    /// </summary>
    public static IReadOnlyList<string> Faults(WorldSpec? world, PathResult? first)
    {
        var lines = new List<string>();
        int count = world?.Faults.Count ?? first?.Faults.Count ?? 0;
        for (int i = 0; i < count; i++)
        {
            var spec = world?.Faults[i];
            var happened = first is not null && i < first.Faults.Count ? first.Faults[i] : null;
            string what = spec is null ? happened!.Kind : $"{FaultInjector.KindName(spec.Kind)} of {Target(spec.Target)}";
            string when = spec is null
                ? $"{Number(happened!.FromSeconds)}–{Number(happened.ToSeconds)} s"
                : $"at {Seconds(spec.At - SimTime.Zero)}" + (spec.Duration is { } d ? $" for {Seconds(d)} (heals at {Seconds(spec.At + d - SimTime.Zero)})" : ", never healed");
            lines.Add(happened is null ? $"{what} {when}." : $"{what} {when}, that is {Resolved(happened)}.");
        }

        return lines;
    }

    /// <summary>What the fault hit, without the kind the label starts with ("partition: {n1,n2} | {…}").</summary>
    private static string Resolved(FaultWindow fault) =>
        fault.Label.StartsWith(fault.Kind + ": ", StringComparison.Ordinal) ? fault.Label[(fault.Kind.Length + 2)..] : fault.Label;

    private static string Target(FaultTarget target) => target.Kind switch
    {
        FaultTargetKind.Primary => "the current primary",
        FaultTargetKind.Member => target.Name ?? "?",
        FaultTargetKind.Az => target.Name ?? "?",
        FaultTargetKind.Groups => string.Join(" | ", target.Groups.Select(g => "{" + string.Join(", ", g) + "}")),
        FaultTargetKind.Everything => "everything",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static string ByAz(IReadOnlyList<string> azs, IEnumerable<(string Az, string Name)> members)
    {
        var list = members.ToList();
        return string.Join("; ", azs
            .Select(az => (az, names: list.Where(m => m.Az == az).Select(m => m.Name).ToList()))
            .Where(x => x.names.Count > 0)
            .Select(x => $"{x.az} {string.Join(", ", x.names)}"));
    }

    private static string Ms(SimDuration d) => d.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";

    private static string Timeout(SimDuration d) => d >= ClientSettings.Never ? "none" : Ms(d);

    private static string Seconds(SimDuration d) => d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
