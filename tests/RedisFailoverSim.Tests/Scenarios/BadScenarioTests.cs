using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>Each file in Bad/ has one mistake; each gives exactly one problem with its message and place.</summary>
public class BadScenarioTests
{
    private const string Allowed = "attempted, acknowledged, acknowledgedLost, failed, unknown, unknownPresent, waitConfirmed, waitConfirmedLost, waitShort, clientObservedSeconds, "
        + "controlPlaneSeconds, latencyP50Ms, latencyP99Ms, latencyP999Ms, latencyMaxMs, splitBrainSeconds, failoverCount, "
        + "monthlyCost, monthlyCostOnDemand, monthlyCostWithEngineering";

    public static TheoryData<string, int, int, string> Corpus() => new()
    {
        { "unknown-key", 18, 5, "faults[0]: unknown key 'durration'; allowed: kind, at, duration, target, groups, extra-latency, rate-multiplier, option, loss-rate, retransmit-after, drop-rate; did you mean 'duration'?" },
        { "misplaced-key", 19, 3, "redis: unknown key 'quorum'; allowed: min-replicas-to-write, min-replicas-max-lag, repl-backlog-size, repl-timeout, repl-ping-replica-period, repl-diskless-sync-delay, full-sync-rate, base-dataset-size, appendonly, appendfsync, save, aof-fsync-time, client-output-buffer-limit-replica; 'quorum' belongs under 'sentinel:'" },
        { "wrong-type", 11, 9, "workload.rate: expected a number; found 'fast'" },
        { "missing-name", 1, 1, "top level: missing 'name' (a scenario name of letters, digits, '.', '_' or '-')" },
        { "two-primaries", 7, 38, "topology.nodes: expected exactly one node with 'primary: true'; found 2 (n1, n3); 'n3' is the extra one" },
        { "no-primary", 5, 5, "topology.nodes: expected exactly one node with 'primary: true'; found none" },
        { "unknown-az", 7, 23, "topology.nodes[2].az: expected an AZ from topology.azs (az-a, az-b, az-c); found 'az-d'; did you mean 'az-a'?" },
        { "partition-missing-member", 18, 13, "faults[0].groups: the sentinel 's3' (in az-c) is in no group; add 'az-c' or 's3' to one of the groups" },
        { "bad-group-name", 18, 29, "faults[0].groups[1][1]: expected an AZ (az-a, az-b, az-c), a node, sentinel or client name, or a control plane (elasticache-control-plane, serverless-control-plane); found 'az-x'; did you mean 'az-a'?" },
        { "duration-without-unit", 17, 15, "faults[0].duration: expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found the unitless number 30" },
        { "negative-duration", 17, 15, "faults[0].duration: expected a duration that is not negative; found '-5s'" },
        { "missing-duration", 15, 5, "faults[0]: missing 'duration' (how long the pause lasts, e.g. 30s; only a crash may go on for ever)" },
        { "bad-kind", 15, 11, "faults[0].kind: expected a fault kind (crash, power-off, pause, isolate, partition, one-way, slow-az, az-power-interruption, node-replacement, reboot, traffic-burst, cluster-failover, log-packet-loss, log-slow-replica, log-brownout); found 'crsh'; did you mean 'crash'?" },
        { "unknown-target", 17, 13, "faults[0].target: expected primary or a node name (n1, n2, n3) for crash; found 'n9'; did you mean 'n1'?" },
        { "fault-after-workload", 16, 9, "faults[0].at: expected a time before the workload ends (60.000s); found 90.000s" },
        { "extra-latency-on-crash", 18, 20, "faults[0].extra-latency: 'extra-latency' (the delay added to each message, e.g. 20ms) applies only to slow-az, log-slow-replica and log-brownout, not to crash" },
        { "bad-operator", 20, 23, "expect.self-hosted.acknowledgedLost: expected a claim like \"> 0\", \"<= 34\" or \"< 0.6x memorydb\" (operators: <, <=, >, >=, ==, !=); found '=> 0'; did you mean '>='?" },
        { "unknown-metric", 20, 5, $"expect.self-hosted: unknown key 'acknowledgedLst'; allowed: {Allowed}; did you mean 'acknowledgedLost'?" },
        { "unknown-path", 19, 3, "expect: unknown key 'selfhosted'; allowed: elasticache, serverless, memorydb, self-hosted; did you mean 'self-hosted'?" },
        { "expect-path-not-run", 20, 3, "expect.memorydb: the scenario does not run memorydb ('paths' lists self-hosted)" },
        { "unquoted-claim", 20, 23, "YAML syntax error: an unquoted '>' or '|' after a key starts a block of text; quote the claim, e.g. acknowledgedLost: \"> 0\"" },
        { "syntax-error", 12, 12, "YAML syntax error: a ':' appears where no new key can start; check the indentation of this line" },
        { "duplicate-key", 12, 3, "key 'rate' is given twice in the same mapping; remove one" },
        { "empty", 0, 0, "the file is empty; expected a scenario with at least 'name', 'topology' and 'workload' (see scenarios/README.md)" },
        { "not-a-mapping", 1, 1, "expected a scenario mapping (name:, topology:, workload:, …); found a list" },
        { "quorum-too-large", 19, 11, "sentinel.quorum: expected a quorum from 1 to the number of sentinels (3); found 4" },
        { "self-hosted-without-sentinels", 3, 3, "topology: no sentinels, but the self-hosted path needs them (all four paths run when 'paths' is left out); add topology.sentinels or list the paths to run under 'paths'" },
        { "duplicate-name", 8, 22, "topology: name 's1' is used twice (first by a node at line 7); names must be unique across nodes, sentinels and clients" },
        { "zero-value-size", 13, 15, "workload.value-size: expected a size from 1 to 536870912 bytes (512mb, the largest string Redis accepts by default: proto-max-bulk-len); found '0'" },
        { "value-size-past-proto-max-bulk-len", 13, 15, "workload.value-size: expected a size from 1 to 536870912 bytes (512mb, the largest string Redis accepts by default: proto-max-bulk-len); found '2147483647'" },
        { "rate-tiny", 11, 9, "workload.rate: expected a number, at least 0.001; found 1e-300" },
        { "rate-huge", 11, 9, "workload.rate: expected at most 10000000 (the simulator's bound, docs/sources.md §10.3: no client of one Redis primary writes faster); found 1e9" },
        { "network-median-past-a-minute", 14, 29, "network.cross-az-median: expected at most 60s (a one-way delay past a minute is an outage, model it as a partition); found '30d'" },
        { "aof-fsync-time-past-a-minute", 14, 43, "redis.aof-fsync-time: expected at most 60s (an fsync that takes longer than a minute is a failed disk, not a slow one); found '90s'" },
        { "wait-local-without-waitaof", 14, 57, "workload.wait.local: applies only to 'command: waitaof' (WAITAOF numlocal numreplicas timeout)" },
        { "wait-on-memorydb", 14, 9, "workload.wait: MemoryDB does not list WAIT among its restricted commands but documents no answer to it, and acknowledges a write only once its Multi-AZ transaction log holds it, so WAIT adds no durability there; it is not modelled on memorydb (docs/sources.md §6.4, https://docs.aws.amazon.com/memorydb/latest/devguide/restrictedcommands.html); leave memorydb out of 'paths'" },
        { "wait-on-serverless", 14, 9, "workload.wait: ElastiCache Serverless refuses WAIT: 'wait' is on the list of commands unavailable for serverless caches (docs/sources.md §5.3, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SupportedCommands.html); leave serverless out of 'paths'" },
        { "waitaof-on-serverless", 14, 9, "workload.wait: ElastiCache Serverless does not support WAITAOF: it is not among the commands serverless caches support (docs/sources.md §5.3, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SupportedCommands.html); leave serverless out of 'paths'" },
        { "wait-with-durability", 11, 3, "workload: wait: WAIT and WAITAOF are not modelled with elasticache.durability sync or async (the shard runs on the transaction log, A97); set durability: disabled or leave elasticache out of 'paths'" },
        { "network-bandwidth-without-unit", 14, 28, "network.node-bandwidth: expected a bandwidth in bits per second with its unit (e.g. 0.937gbps or 500mbps), from 1 bit/s to 1,000,000 Gbps; found '937'" },
        { "network-sigma-past-3", 14, 28, "network.cross-az-sigma: expected at most 3 (at sigma 3 the P99 delay is already about 1,000 times the median); found 1000" },
        // YamlDotNet throws a bare InvalidOperationException here; the position is the brace that is never closed.
        { "unclosed-flow-mapping", 6, 7, "YAML syntax error: this mapping in braces is never closed; expected '}' before the end of the file" },
        { "unclosed-flow-mapping-at-end", 7, 1, "YAML syntax error: a mapping in braces is not closed; expected ',' or '}'" },
        { "tab-indent", 12, 1, "YAML syntax error: a tab character; YAML indents with spaces only" },
        { "unknown-alias", 11, 9, "YAML syntax error: an alias ('*name') refers to an anchor ('&name') that is not defined above it" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Load_BadFile_OneProblemWithMessageLineAndColumn(string name, int line, int column, string message)
    {
        var path = RepositoryFiles.TestData($"Bad/{name}.yaml");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(new ScenarioProblem(path, line, column, message), problem);
    }

    [Fact]
    public void Corpus_EveryBadFile_HasACase()
    {
        var files = Directory.GetFiles(RepositoryFiles.TestData("Bad"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != "many-problems")
            .Order(StringComparer.Ordinal);
        var cases = Corpus().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(cases, files);
    }

    [Fact]
    public void Load_FileWithSeveralMistakes_ReportsEveryOneInFileOrder()
    {
        var path = RepositoryFiles.TestData("Bad/many-problems.yaml");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        Assert.Equal(
            [
                (5, 23, "topology.nodes[0].az: expected an AZ from topology.azs (az-a, az-b); found 'az-c'; did you mean 'az-a'?"),
                (11, 9, "workload.rate: expected a number, at least 0.001; found -10"),
                (12, 13, "workload.duration: expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found the unitless number 60"),
                (15, 5, "faults[0]: missing 'at' (a duration with a unit, e.g. 500ms, 30s, 2m)"),
                (16, 5, "faults[0]: unknown key 'at-time'; allowed: kind, at, duration, target, groups, extra-latency, rate-multiplier, option, loss-rate, retransmit-after, drop-rate"),
                (19, 3, "sentinel: unknown key 'down-after-ms'; allowed: quorum, down-after-milliseconds, failover-timeout, parallel-syncs; did you mean 'down-after-milliseconds'?"),
            ],
            error.Problems.Select(p => (p.Line, p.Column, p.Message)));
    }

    [Fact]
    public void ExceptionMessage_SeveralProblems_OneFileLineColumnPerLine()
    {
        var path = RepositoryFiles.TestData("Bad/many-problems.yaml");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(6, lines.Length);
        Assert.Equal($"{path}:11:9: workload.rate: expected a number, at least 0.001; found -10", lines[1]);
    }
}
