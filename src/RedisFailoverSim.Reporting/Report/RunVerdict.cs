using System.Globalization;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Reporting.Timeline;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// The report's first words on each path, the paragraph an architect can hand on: what it lost and to what, how long
/// it could not write, whether and how fast it failed over, and, when it did not, why (read from the run's own events).
/// </summary>
public static class RunVerdict
{
    /// <summary>One paragraph for <paramref name="result"/>; <paramref name="world"/> adds settings when known.</summary>
    public static string Paragraph(PathResult result, WorldSpec? world)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = result.Writes;
        var parts = new List<string> { Loss(result, world) };
        var notAcked = w.Failed + w.Unknown;
        var availability = result.Availability;
        if (availability.NoAckSeconds > 0)
        {
            parts.Add($"no client got a write acknowledged for {Seconds(availability.NoAckSeconds)} s");
        }

        if (notAcked > 0)
        {
            parts.Add($"{N(notAcked)} of {N(w.Attempted)} writes ({Percent(notAcked, w.Attempted)}) were not acknowledged "
                + $"({N(w.Failed)} failed, {N(w.Unknown)} unknown)");
        }

        if (w.Duplicated > 0)
        {
            parts.Add($"{N(w.Duplicated)} writes were applied twice, re-sent after a reconnect when the old primary had "
                + $"them ({N(w.DuplicatedAcknowledged)} acknowledged once but applied twice)");
        }

        if (w.WaitConfirmedLost > 0)
        {
            parts.Add($"{N(w.WaitConfirmedLost)} of the {N(w.WaitConfirmed)} writes WAIT confirmed were lost anyway: "
                + "WAIT counts replicas, it does not make the failover promote one of them");
        }

        if (availability.WorstClient is { } client && availability.WorstClientNoAckSeconds > availability.NoAckSeconds)
        {
            parts.Add($"the worst-off client, {client}, went {Seconds(availability.WorstClientNoAckSeconds)} s without one");
        }

        var sentence = result.Path + " " + string.Join("; ", parts) + ".";
        return sentence + " " + FailoverSentence(result, world);
    }

    /// <summary>"did not fail over because …", or null when the path failed over or had no fault to fail over from.</summary>
    public static string? NoFailoverReason(PathResult result, WorldSpec? world)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Failover is not null || result.FailoverCount > 0)
        {
            return null;
        }

        if (result.Faults.Count == 0)
        {
            return "no fault was injected";
        }

        var primary = FirstPrimary(result) ?? "the primary";
        var hits = result.Facts.Where(f => f.Key.EndsWith(".hitPrimary", StringComparison.Ordinal)).ToList();
        if (hits.Count > 0 && hits.All(f => !f.Value))
        {
            return $"no fault reached the primary, {primary}";
        }

        return result.Path switch
        {
            "self-hosted" when world?.Cluster is not null || result.Events.Any(e => e.Kind == "cluster") => ClusterElections.NoFailoverReason(result, world),
            "self-hosted" => SentinelReason(result, world, primary),
            "memorydb" => Has(result, "role", $"{primary} stepped down")
                ? $"{primary} stepped down but no replica could take the log's leadership"
                : $"{primary} kept its lease on the transaction log (no quorum of the log replicas went a whole lease without hearing from it, assumption A28), "
                    + "so no replica could take over",
            "elasticache" or "serverless" => ControlPlaneReason(result, primary),
            _ => "no replica was promoted",
        };
    }

    private static string Loss(PathResult result, WorldSpec? world)
    {
        var w = result.Writes;
        if (w.AcknowledgedLost == 0)
        {
            return w.Acknowledged == 0 ? "acknowledged no write at all" : $"lost none of its {N(w.Acknowledged)} acknowledged writes";
        }

        var text = $"lost {N(w.AcknowledgedLost)} acknowledged writes ({Percent(w.AcknowledgedLost, w.Acknowledged)} of "
            + $"{N(w.Acknowledged)})";
        if (result.SplitBrainSeconds > 0)
        {
            var overlaps = new RunTimeline(result).Overlaps;
            if (world is not null && overlaps.Count > 0 && overlaps.All(o => o.FromSeconds >= world.Workload.Duration.TotalSeconds))
            {
                // Two primaries after the last write was issued (e.g. a powered-off primary restarting as one after the
                // workload) took no write: the loss came from elsewhere, such as a replication backlog.
                text += $", none of them to split brain: {string.Join(" and ", overlaps[0].Primaries)} were both primary for "
                    + $"{Seconds(result.SplitBrainSeconds)} s only after the workload ended";
            }
            else
            {
                var who = overlaps.Count > 0 ? $" ({string.Join(" and ", overlaps[0].Primaries)} both primary)" : "";
                text += $" to {Seconds(result.SplitBrainSeconds)} s of split brain{who}";
            }
        }

        return text;
    }

    private static string FailoverSentence(PathResult result, WorldSpec? world)
    {
        if (result.Failover is { } f)
        {
            var client = f.ClientObservedSeconds is { } c
                ? $"clients wrote to it again {Seconds(c)} s after the fault"
                : "no client got a write acknowledged by it before the run ended";
            var sentence = $"It failed over to {f.NewPrimary} {Seconds(f.ControlPlaneSeconds)} s after the fault; {client}.";
            return ClusterElections.SplitVoteSentence(result, world) is { } split ? sentence + " " + split : sentence;
        }

        return NoFailoverReason(result, world) is { } reason ? $"It did not fail over because {reason}." : "";
    }

    private static string SentinelReason(PathResult result, WorldSpec? world, string primary)
    {
        var sdown = Sources(result, "+sdown", "master ");
        var odown = Sources(result, "+odown", "master ");
        var downAfter = world is null ? "down-after-milliseconds" : $"down-after-milliseconds ({Seconds(world.Sentinel.DownAfter.TotalSeconds)} s)";
        if (sdown.Count == 0)
        {
            return $"no Sentinel went {downAfter} without a reply from {primary}";
        }

        var quorum = world is null ? "" : $" of {world.Sentinel.Quorum}";
        if (odown.Count == 0)
        {
            return $"only {string.Join(", ", sdown)} marked {primary} down (+sdown), short of the quorum{quorum}";
        }

        var sentinels = world is null ? "" : $" of the {world.Sentinels.Count} Sentinels";
        return $"{string.Join(", ", odown)} agreed {primary} was down (+odown), but no Sentinel won the votes of a majority{sentinels}";
    }

    private static string ControlPlaneReason(PathResult result, string primary)
    {
        var noCandidate = result.Events.FirstOrDefault(e => e.Kind == "control-plane" && e.Text.Contains("no healthy replica", StringComparison.Ordinal));
        if (noCandidate is not null)
        {
            return $"{primary} failed and no healthy replica could take over";
        }

        return Has(result, "control-plane", $"{primary} failed every health check")
            ? $"{primary} answered its health checks again before a replica was promoted"
            : $"the control plane, outside every AZ (assumption A33), kept getting {primary}'s health-check replies, "
                + $"so it never declared {primary} failed";
    }

    private static List<string> Sources(PathResult result, string kind, string prefix) =>
        result.Events.Where(e => e.Kind == kind && e.Text.StartsWith(kind + " " + prefix, StringComparison.Ordinal))
            .Select(e => e.Source).Distinct().ToList();

    private static bool Has(PathResult result, string kind, string text) =>
        result.Events.Any(e => e.Kind == kind && e.Text.Contains(text, StringComparison.Ordinal));

    private static string? FirstPrimary(PathResult result) =>
        result.Roles.Where(r => r.Role == NodeRole.Primary).OrderBy(r => r.FromSeconds).Select(r => r.Node).FirstOrDefault();

    /// <summary>A count (<see cref="Numbers.Count(long)"/>): 4,224.</summary>
    public static string N(long value) => Numbers.Count(value);

    /// <summary>A share (<see cref="Numbers.Percent(long, long)"/>): 26.3%, 0.4%, &lt;0.1%.</summary>
    public static string Percent(long part, long whole) => Numbers.Percent(part, whole);

    /// <summary>Seconds (<see cref="Numbers.Seconds"/>): 67.5, 0.03 below one second.</summary>
    public static string Seconds(double seconds) => Numbers.Seconds(seconds);
}
