using System.Globalization;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Reporting.Timeline;

namespace RedisFailoverSim.Reporting.Trace;

/// <summary>
/// Turns one path's events into the narrated trace a trainer can follow split brain with: one line per meaningful
/// event in simulated time, in Sentinel's vocabulary; chatter merged (the dozens of <c>+sdown slave</c> and
/// <c>-sdown sentinel</c> lines a partition causes become one line per side), failover-state internals left out,
/// and story lines derived from the result: when two primaries exist, how many writes the old primary acknowledged
/// meanwhile, and how many were discarded.
/// </summary>
internal static class TraceNarrator
{
    /// <summary>Sentinel's internal failover steps: the story keeps the election, the selection and the switch.</summary>
    private static readonly HashSet<string> Internal = new(StringComparer.Ordinal)
    {
        "+failover-state-select-slave", "+failover-state-send-slaveof-noone", "+failover-state-wait-promotion",
        "+failover-state-reconf-slaves", "+slave-reconf-sent", "+slave-reconf-inprog", "+config-update-from",
        "+promoted-slave",
    };

    /// <summary>Kinds whose repeats within <see cref="ChatterWindowSeconds"/> merge into one line.</summary>
    private static readonly HashSet<string> Chatter = new(StringComparer.Ordinal)
    {
        "+sdown", "-sdown", "+new-epoch", "+vote-for-leader", "+slave-reconf-done", "link", "sync", "client",
    };

    /// <summary>How far apart merged chatter may be: a partition's SDOWNs arrive within a ping period or two.</summary>
    private const double ChatterWindowSeconds = 2;

    /// <summary>Events at the same printed millisecond merge whatever their kind.</summary>
    private const double SameInstantSeconds = 0.0005;

    /// <summary>The narrated lines of <paramref name="result"/>, in time order.</summary>
    public static IReadOnlyList<TraceLine> Narrate(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var timeline = new RunTimeline(result);
        var lines = Merge(result.Events.Where(e => !Internal.Contains(e.Kind)).Select(Entry))
            .Select(e => e.ToLine())
            .Select((line, order) => (line, order: (double)order))
            .ToList();

        // Story lines go right after the event they explain (same printed instant: role intervals are not rounded
        // like events), so sort by the printed time, then by position.
        var story = Story(result, timeline);
        var all = lines.Concat(story.Select(s => (line: s, order: double.MaxValue)))
            .OrderBy(x => Math.Round(x.line.Seconds, 3))
            .ThenBy(x => x.order)
            .Select(x => x.line)
            .ToList();
        all.Add(End(result));
        return CollapseRepeats(all);
    }

    /// <summary>
    /// A loop of the same one or two non-key lines (a client reconnecting over and over) is told once, then
    /// "… the same line 9 more times (the last at 74.093s)".
    /// </summary>
    internal static List<TraceLine> CollapseRepeats(IReadOnlyList<TraceLine> lines)
    {
        var result = new List<TraceLine>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            var (period, repeats) = Loop(lines, i);
            if (repeats < 3)
            {
                result.Add(lines[i]);
                i++;
                continue;
            }

            for (var k = 0; k < period; k++)
            {
                result.Add(lines[i + k]);
            }

            var last = lines[i + ((repeats - 1) * period)];
            var what = period == 1 ? "line" : $"{period} lines";
            result.Add(last with { Text = $"… the same {what} {repeats - 1} more times (the last at {F3(last.Seconds)}s)" });
            i += repeats * period;
        }

        return result;
    }

    /// <summary>The shortest block (1 or 2 lines) at <paramref name="start"/> and how often it repeats back to back.</summary>
    private static (int Period, int Repeats) Loop(IReadOnlyList<TraceLine> lines, int start)
    {
        for (var period = 1; period <= 2; period++)
        {
            var repeats = 1;
            while (SameBlock(lines, start, start + (repeats * period), period))
            {
                repeats++;
            }

            if (repeats >= 3)
            {
                return (period, repeats);
            }
        }

        return (1, 1);
    }

    private static bool SameBlock(IReadOnlyList<TraceLine> lines, int first, int second, int period)
    {
        if (second + period > lines.Count)
        {
            return false;
        }

        for (var k = 0; k < period; k++)
        {
            if (lines[first + k].IsKey || lines[second + k].IsKey || lines[first + k].Text != lines[second + k].Text)
            {
                return false;
            }
        }

        return true;
    }

    // A cluster failover's steps in the nodes' own log words (FAIL, the rank delay, the won election), and what a
    // managed control plane decided (a failure declared, a node fenced or replaced): why a failover came when it did.
    private static readonly string[] ClusterKeyWords = ["Marking node", "Start of election delayed", "Failover election won"];
    private static readonly string[] ControlPlaneKeyWords = ["declared failed", "taken offline", "replacement for"];

    private static bool ContainsAny(string text, string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static TraceEntry Entry(TraceEvent e)
    {
        var category = e.Source == "fault" ? TraceCategory.Fault
            : e.Kind.Length > 1 && e.Kind[0] is '+' or '-' ? TraceCategory.Sentinel
            : e.Kind == "client" ? TraceCategory.Client
            : TraceCategory.Node;
        bool isMasterEvent = e.Text.Contains(" master ", StringComparison.Ordinal) && !e.Text.Contains(" slave ", StringComparison.Ordinal)
            && !e.Text.Contains(" sentinel ", StringComparison.Ordinal);
        bool isKey = category == TraceCategory.Fault
            || e.Kind is "role" or "discard" or "restart" or "+odown" or "+elected-leader" or "+switch-master" or "+convert-to-slave" or "+try-failover"
            || (e.Kind == "+sdown" && isMasterEvent)
            || (e.Kind == "cluster" && ContainsAny(e.Text, ClusterKeyWords))
            || (e.Kind == "control-plane" && ContainsAny(e.Text, ControlPlaneKeyWords));
        // Fault lines lead with what happened: "crash: kill -9 n1", "heal: partition healed: …".
        var text = category == TraceCategory.Fault && !e.Text.StartsWith(e.Kind, StringComparison.Ordinal)
            ? e.Kind + ": " + e.Text
            : e.Text;
        return new TraceEntry(e.Seconds, category, e.Kind, e.Source, text, isKey);
    }

    /// <summary>
    /// Merges, in order: a source's repeats that differ in one name (<c>+sdown slave n3, n4, n5</c>), then the same
    /// words from several sources (<c>s1, s2 +sdown sentinel s3, s4, s5</c>). Chatter merges within two seconds,
    /// anything else only at the same instant, so every Sentinel's own <c>+sdown master</c> and <c>+odown</c>
    /// keeps its time.
    /// </summary>
    private static List<TraceEntry> Merge(IEnumerable<TraceEntry> entries)
    {
        var byValue = MergePass(entries, (into, next) => into.TryMergeValue(next));
        return MergePass(byValue, (into, next) => into.TryMergeSources(next));
    }

    private static List<TraceEntry> MergePass(IEnumerable<TraceEntry> entries, Func<TraceEntry, TraceEntry, bool> tryMerge)
    {
        var merged = new List<TraceEntry>();
        foreach (var next in entries)
        {
            double window = Chatter.Contains(next.Kind) && !(next.IsKey && next.Kind is "+sdown") ? ChatterWindowSeconds : SameInstantSeconds;
            bool done = false;
            for (int i = merged.Count - 1; i >= 0 && next.Seconds - merged[i].Seconds <= window && !done; i--)
            {
                done = merged[i].IsKey == next.IsKey && tryMerge(merged[i], next);
            }

            if (!done)
            {
                merged.Add(next);
            }
        }

        return merged;
    }

    private static List<TraceLine> Story(PathResult result, RunTimeline timeline)
    {
        var story = new List<TraceLine>();
        foreach (var overlap in timeline.Overlaps)
        {
            var (old, since, sinceWhat) = OldPrimary(result, timeline, overlap);
            var last = timeline.LastAcknowledgement(old, overlap.FromSeconds);
            story.Add(Line(overlap.FromSeconds, overlap.Primaries, timeline.IsSplitBrain
                ? $"split brain: {And(overlap.Primaries)} are both primary"
                : $"{And(overlap.Primaries)} are both primary, but {old} no longer accepts writes"
                    + (last is { } l ? $" (its last acknowledgement: {F3(l)}s)" : "") + ": no split brain"));

            var firstSwitch = result.Events.FirstOrDefault(e => e.Kind == "+switch-master" && e.Seconds >= overlap.FromSeconds && e.Seconds < overlap.ToSeconds);
            var moments = result.Events
                .Where(e => e.Source == "fault" && e.Kind == "heal" && e.Seconds >= overlap.FromSeconds && e.Seconds < overlap.ToSeconds)
                .Select(e => e.Seconds)
                .Prepend(firstSwitch?.Seconds ?? double.NaN)
                .Where(double.IsFinite);
            foreach (var at in moments)
            {
                story.Add(Line(at, [old], StillPrimary(timeline, old, since, sinceWhat, at)));
            }

            var (acked, _) = timeline.AcknowledgedBy(old, since, overlap.ToSeconds);
            long lost = LostAcknowledgedBy(result, timeline, old);
            story.Add(Line(
                overlap.ToSeconds,
                overlap.Primaries,
                (timeline.IsSplitBrain ? "split brain" : "two primaries") + $" over after {F3(overlap.Seconds)}s"
                + (timeline.HasSamples ? $": {old} acknowledged {acked} writes since {sinceWhat}; {lost} writes it acknowledged are lost" : "")));
        }

        foreach (var discard in result.Events.Where(e => e.Kind == "discard"))
        {
            long lost = LostAcknowledgedBy(result, timeline, discard.Source);
            if (lost > 0)
            {
                story.Add(Line(discard.Seconds, [discard.Source], $"lost: {discard.Source}'s resync discarded {lost} writes it had acknowledged"));
            }
        }

        return story;
    }

    /// <summary>
    /// The primary that was there first (the other one was promoted while it still held the role), and the moment
    /// to count its writes from: the start of the latest fault before the overlap, or the overlap's start.
    /// </summary>
    private static (string Node, double Since, string SinceWhat) OldPrimary(PathResult result, RunTimeline timeline, PrimaryOverlap overlap)
    {
        var old = overlap.Primaries
            .OrderBy(p => timeline.Promotions.LastOrDefault(c => c.Node == p && c.Seconds <= overlap.FromSeconds)?.Seconds ?? 0)
            .First();
        var fault = result.Faults.Where(f => f.FromSeconds <= overlap.FromSeconds).OrderBy(f => f.FromSeconds).LastOrDefault();
        return fault is null
            ? (old, overlap.FromSeconds, $"{F3(overlap.FromSeconds)}s")
            : (old, fault.FromSeconds, $"{Noun(fault.Kind)} began ({F3(fault.FromSeconds)}s)");
    }

    private static string StillPrimary(RunTimeline timeline, string old, double since, string sinceWhat, double at)
    {
        if (!timeline.HasSamples)
        {
            return $"{old} still primary";
        }

        var (acked, _) = timeline.AcknowledgedBy(old, since, at);
        var last = timeline.LastAcknowledgement(old, at);
        var lastWords = last is { } l && l > since && at - l > 1 ? $", the last at {F3(l)}s" : "";
        return $"{old} still primary, acked {acked} writes since {sinceWhat}{lastWords}";
    }

    /// <summary>A fault kind as a noun phrase: "the partition", "the isolation", "the AZ power interruption".</summary>
    private static string Noun(string kind) => kind switch
    {
        "isolate" => "the isolation",
        "one-way" => "the one-way cut",
        "slow-az" => "the slow AZ",
        "az-power-interruption" => "the AZ power interruption",
        _ => "the " + kind.Replace('-', ' '),
    };

    private static long LostAcknowledgedBy(PathResult result, RunTimeline timeline, string node)
    {
        int index = timeline.NodeIndex(node);
        if (result.Samples is not { } s || index < 0)
        {
            return 0;
        }

        long lost = 0;
        for (int i = 0; i < s.Count; i++)
        {
            lost += s.Lost[i] && s.AckedBy[i] == index ? 1 : 0;
        }

        return lost;
    }

    private static TraceLine End(PathResult result)
    {
        var w = result.Writes;
        var text = $"end: {Numbers.Count(w.Attempted)} writes, {Numbers.Count(w.Acknowledged)} acknowledged, "
            + $"{Numbers.Count(w.AcknowledgedLost)} of them lost ({Numbers.Percent(w.AcknowledgedLost, w.Acknowledged)}), "
            + $"{Numbers.Count(w.Failed)} failed, {Numbers.Count(w.Unknown)} unknown";
        if (result.SplitBrainSeconds > 0)
        {
            text += $"; split brain {F3(result.SplitBrainSeconds)}s";
        }

        return new TraceLine(result.EndSeconds, TraceCategory.Story, result.Nodes, text, IsKey: true);
    }

    private static TraceLine Line(double seconds, IReadOnlyList<string> subjects, string text) =>
        new(seconds, TraceCategory.Story, subjects, text, IsKey: true);

    private static string And(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static string F3(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
