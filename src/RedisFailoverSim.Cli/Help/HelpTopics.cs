using System.Diagnostics;
using System.Text;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Reporting.Terminal;

namespace RedisFailoverSim.Cli.Help;

/// <summary>
/// What <c>rfsim --help</c> teaches after the verb index, and <c>rfsim help &lt;topic&gt;</c> one part at a time (issue 6, "CLI that teaches"): the fault kinds and how
/// each cuts the system, the metrics with their exact definitions, the exit codes and examples.
/// </summary>
internal static class HelpTopics
{
    /// <summary>The width the help text is written to.</summary>
    public const int Width = 100;

    /// <summary>A fault kind as written in a scenario's <c>kind:</c>: <c>AzPowerInterruption</c> → <c>az-power-interruption</c>.</summary>
    public static string ScenarioName(FaultKind kind)
    {
        var name = kind.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>What a fault kind does, in one line.</summary>
    public static string Describe(FaultKind kind) => kind switch
    {
        FaultKind.Crash => "kill -9 of a node: memory lost, its connections reset at once; with a duration it "
            + "restarts (empty without persistence)",
        FaultKind.PowerOff => "the node's host loses power: silence, no connection reset; back empty after the duration",
        FaultKind.Pause => "SIGSTOP then SIGCONT: the node stops processing, then resumes as if nothing happened",
        FaultKind.Isolate => "cut every link to and from a node or an AZ, both directions; messages on cut links are lost",
        FaultKind.Partition => "split nodes, Sentinels and clients into groups, e.g. {n1,n2} | {n3,n4,n5}; links "
            + "between groups are cut both ways",
        FaultKind.OneWay => "cut the links from one side to the other only (a simplex partition)",
        FaultKind.SlowAz => "add latency to every message entering or leaving an AZ",
        FaultKind.AzPowerInterruption => "every node in an AZ loses power (the FIS AZ power interruption action)",
        FaultKind.NodeReplacement => "planned replacement of the primary: a graceful, coordinated failover",
        FaultKind.Reboot => "a customer reboot of a node (ElastiCache does not fail over for it)",
        FaultKind.TrafficBurst => "the write rate multiplied for the duration",
        FaultKind.ClusterFailover => "CLUSTER FAILOVER [option: force|takeover] sent to a Redis Cluster replica (target): "
            + "planned replacement of its primary; no duration",
        FaultKind.LogPacketLoss => "packet loss (loss-rate) on the links to the transaction-log replica of an AZ "
            + "(MemoryDB, ElastiCache durability): lost messages are resent after TCP's 200 ms retransmission timeout",
        FaultKind.LogSlowReplica => "the transaction-log replica of an AZ answers later by extra-latency: a slow quorum member",
        FaultKind.LogBrownout => "every transaction-log replica answers later by extra-latency and drops drop-rate of the "
            + "appends: a brown-out of the log service",
        _ => throw new UnreachableException(),
    };

    /// <summary>The topics of <c>rfsim help &lt;topic&gt;</c>, in the order <c>rfsim --help</c> prints them.</summary>
    public static readonly IReadOnlyList<string> Names = ["faults", "metrics", "accounting", "exit-codes", "examples"];

    /// <summary>Every topic, one after another: what <c>rfsim --help</c> prints after the verb index.</summary>
    public static string Text() => string.Join("\n\n", Names.Select(Topic));

    /// <summary>The text of one topic of <see cref="Names"/>.</summary>
    public static string Topic(string name) => name switch
    {
        "faults" => Faults(),
        "metrics" => Metrics(),
        "accounting" => Accounting(),
        "exit-codes" => ExitCodesText(),
        "examples" => Examples(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a help topic"),
    };

    private static string Faults()
    {
        var text = new StringBuilder();
        text.AppendLine("FAULT KINDS (a scenario's faults: kind:, at:, duration:, target:)");
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            text.AppendLine(TextWrap.Hanging($"  {ScenarioName(kind),-22} ", Describe(kind), Width));
        }

        text.AppendLine("  A target is 'primary' (whichever node is primary when the fault starts), a node name, an AZ,");
        text.Append("  or groups for a partition. A cut link drops its messages; heal restores every link.");
        return text.ToString();
    }

    private static string Metrics() => string.Join('\n',
        "METRICS (per path; results.json names in brackets)",
        "  acknowledged writes      [acknowledged] writes for which the client received a success reply",
        "  acknowledged writes lost [acknowledgedLost] acknowledged writes absent from the final",
        "                           converged dataset: after every fault has healed and replication",
        "                           has converged at the end of the run",
        "  failover duration        [clientObservedSeconds] client-observed write outage: from the fault",
        "                           to the first write acknowledged by the new primary;",
        "                           [controlPlaneSeconds] control-plane view: fault to promotion",
        "  write latency            [latencyMs p50/p99/p999/max] measured at the client from the write's",
        "                           intended start time (open model, no coordinated omission), over the",
        "                           whole run and separately inside the failure window",
        "  writes failed / unknown  [failed] errors returned; [unknown] writes whose outcome the client",
        "                           never learned (connection died in flight); [unknownPresent] unknown",
        "                           writes found in the final dataset anyway",
        "  split brain              [splitBrainSeconds] how long two nodes accepted writes as primary");

    private static string Accounting() => string.Join('\n',
        "ACCOUNTING (how lost writes are counted)",
        "  compact (default)  each write is known by its place in a replication history (branch, sequence);",
        "                     acknowledged writes are kept as ranges and checked against the final",
        "                     primary's history: exact counts, memory flat however long the run",
        "  --audit            also keeps every write (memory grows with the writes) and checks that both",
        "                     give the same numbers; the per-write charts use it for runs up to 5 M writes");

    private static string ExitCodesText() => string.Join('\n',
        "EXIT CODES",
        "  0 ran, and every expect: claim held    1 an expect: claim failed (named on stderr)",
        "  2 bad input or usage (file:line:col)   3 internal error (with the command that replays it)",
        "  130 cancelled with Ctrl-C (nothing written), 143 stopped by SIGTERM");

    private static string Examples() => string.Join('\n',
        "EXAMPLES ('rfsim <command> --help' shows each command's options and more examples)",
        "  rfsim run scenarios/az-partition-split-brain.yaml --seed 42",
        "  rfsim sweep az-partition-split-brain --runs 100 --vary faults[0].duration=5s..120s:8",
        "  rfsim calibrate scenarios/primary-crash.yaml --runs 3   (real redis-server + redis-sentinel)",
        "  rfsim validate scenarios/primary-crash.yaml",
        "  rfsim explain self-hosted",
        "  rfsim list");
}
