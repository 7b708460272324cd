using System.Text;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>Rules not covered by the Bad/ corpus, each as an edit of Good/minimal.yaml (17 lines; faults at 14-17).</summary>
public class ValidationRuleTests
{
    private const string Crash = "  - kind: crash\n    at: 10s\n    target: primary\n";

    public static TheoryData<string, string, int, int, string> Rules() => new()
    {
        { "", "redis:\n  repl-timeout: 5\n", 19, 17, "redis.repl-timeout: expected repl-timeout (5) to exceed repl-ping-replica-period (10), as redis.conf requires" },
        { "", "workload2: {}\n", 18, 1, "top level: unknown key 'workload2'; allowed: name, description, seed, paths, topology, workload, faults, network, redis, sentinel, client, run, elasticache, serverless, memorydb, expect, month, decide, cluster; did you mean 'workload'?" },
        { "  - kind: one-way\n    at: 10s\n    duration: 5s\n    groups: [[az-a], [az-b], [az-c]]\n", "", 18, 13, "faults[0].groups: expected exactly two groups (cut from group 0 to group 1); found 3" },
        { "  - kind: partition\n    at: 10s\n    duration: 5s\n    groups: [[n1, s1, c1, az-b, az-c], [az-a]]\n", "", 18, 40, "faults[0].groups[1]: this group ends up holding no member (its members are placed by name in other groups)" },
        { "  - kind: partition\n    at: 10s\n    duration: 5s\n    groups: [[az-a], [az-b, az-c, az-a]]\n", "", 18, 35, "faults[0].groups[1][2]: 'az-a' is already listed in group 0" },
        { "  - kind: partition\n    at: 10s\n    duration: 5s\n    target: n1\n    groups: [[az-a], [az-b, az-c]]\n", "", 18, 13, "faults[0].target: partition takes no 'target'; give 'groups' instead" },
        { "  - kind: traffic-burst\n    at: 10s\n    duration: 5s\n", "", 15, 5, "faults[0]: missing 'rate-multiplier' (a number)" },
        { "  - kind: slow-az\n    at: 10s\n    duration: 5s\n    target: primary\n    extra-latency: 5ms\n", "", 18, 13, "faults[0].target: expected an AZ (az-a, az-b, az-c) for slow-az; found 'primary'" },
        { "  - kind: log-packet-loss\n    at: 10s\n    duration: 5s\n    target: az-b\n", "", 15, 5, "faults[0]: missing 'loss-rate' (a number)" },
        { "  - kind: log-packet-loss\n    at: 10s\n    duration: 5s\n    target: az-b\n    loss-rate: 1\n", "", 19, 16, "faults[0].loss-rate: expected at most 0.9 (at a higher rate the link is cut: model it with isolate); found 1" },
        { "  - kind: log-packet-loss\n    at: 10s\n    duration: 5s\n    target: az-b\n    loss-rate: 0\n", "", 19, 16, "faults[0].loss-rate: expected a number greater than 0; found 0" },
        { "  - kind: log-slow-replica\n    at: 10s\n    duration: 5s\n    target: primary\n    extra-latency: 200ms\n", "", 18, 13, "faults[0].target: expected an AZ (az-a, az-b, az-c) for log-slow-replica; found 'primary'" },
        { "  - kind: log-slow-replica\n    at: 10s\n    duration: 5s\n    target: az-b\n", "", 15, 5, "faults[0]: missing 'extra-latency' (a duration with a unit, e.g. 500ms, 30s, 2m)" },
        { "  - kind: log-slow-replica\n    at: 10s\n    duration: 5s\n    target: az-b\n    extra-latency: 2m\n", "", 19, 20, "faults[0].extra-latency: expected at most 60s (an answer later than a minute is a log that is down: use log-brownout with drop-rate 1); found '2m'" },
        { "  - kind: log-slow-replica\n    at: 10s\n    duration: 5s\n    target: az-b\n    extra-latency: 200ms\n    drop-rate: 0.5\n", "", 20, 16, "faults[0].drop-rate: 'drop-rate' (the fraction of appends the log drops, e.g. 0.2) applies only to log-brownout, not to log-slow-replica" },
        { "  - kind: log-brownout\n    at: 10s\n    duration: 5s\n", "", 15, 5, "faults[0]: missing 'extra-latency' (a log-brownout slows every answer of the log (extra-latency, e.g. 200ms), drops a fraction of the appends (drop-rate, e.g. 0.2), or both)" },
        { "  - kind: log-brownout\n    at: 10s\n    duration: 5s\n    drop-rate: 1.5\n", "", 18, 16, "faults[0].drop-rate: expected at most 1 (a fraction of the appends); found 1.5" },
        { "  - kind: log-brownout\n    at: 10s\n    duration: 5s\n    target: az-b\n    drop-rate: 0.2\n", "", 18, 13, "faults[0].target: log-brownout takes no 'target'; it hits every log replica (for one AZ's, use log-slow-replica or log-packet-loss)" },
        { "  - kind: crash\n    at: 10s\n    target: primary\n    loss-rate: 0.1\n", "", 18, 16, "faults[0].loss-rate: 'loss-rate' (the chance a message to or from the log replica is lost, e.g. 0.05) applies only to log-packet-loss, not to crash" },
        { "  - kind: crash\n    at: 10s\n    target: primary\n    groups: [[az-a], [az-b]]\n", "", 18, 13, "faults[0].groups: 'groups' applies only to partition and one-way, not to crash; use 'target'" },
        { Crash, "workload:\n  phases: []\n", 18, 1, "key 'workload' is given twice in the same mapping; remove one" },
        { Crash, "sentinel:\n  quorum: 0\n", 19, 11, "sentinel.quorum: expected a whole number, at least 1; found 0" },
        { Crash, "sentinel:\n  down-after-milliseconds: 5s\n", 19, 28, "sentinel.down-after-milliseconds: expected a whole number of milliseconds; found '5s'; the unit is milliseconds, as in the vendor's config file: write 5000" },
        { Crash, "client:\n  follow-switch-master: yes\n", 19, 25, "client.follow-switch-master: expected true or false; found 'yes'" },
        { Crash, "client:\n  connect-to-every-node: 1\n", 19, 26, "client.connect-to-every-node: expected true or false; found '1'" },
        { Crash, "client:\n  primary-discovery: fixed\n", 19, 22, "client.primary-discovery: expected one of sentinel, fixed-at-creation; found 'fixed' (did you mean 'fixed-at-creation'?)" },
        { Crash, "client:\n  primary-discovery: fixed-at-creation\n", 19, 22, "client.primary-discovery: primary-discovery: fixed-at-creation keeps one node for the client's life and needs connect-to-every-node: false (a client connected to every node follows whichever says role:master, assumption A37)" },
        { Crash, "client:\n  unsent-timeout: maybe\n", 19, 19, "client.unsent-timeout: expected one of failed, unknown; found 'maybe'" },
        { Crash, "client:\n  switch-master-from: answering\n", 19, 23, "client.switch-master-from: expected one of every-sentinel, answering-sentinel; found 'answering' (did you mean 'answering-sentinel'?)" },
        { Crash, "paths: [self-hosted, self-hosted]\n", 18, 22, "paths[1]: 'self-hosted' is listed twice" },
        { Crash, "paths: [selfhosted]\n", 18, 9, "paths[0]: expected one of elasticache, serverless, memorydb, self-hosted; found 'selfhosted'; did you mean 'self-hosted'?" },
        { Crash, "expect:\n  self-hosted:\n    failoverCount: 1\n", 20, 20, "expect.self-hosted.failoverCount: expected a claim like \"> 0\", \"<= 34\" or \"< 0.6x memorydb\" (operators: <, <=, >, >=, ==, !=); found '1'; add an operator, e.g. \"== 1\"" },
        { Crash, "expect:\n  self-hosted:\n    failoverCount: []\n", 20, 20, "expect.self-hosted.failoverCount: expected at least one claim; found an empty list" },
        { Crash, "elasticache:\n  detection: [1, 2]\n", 19, 14, "elasticache.detection: expected a single value; found a list" },
        // Issue 14's keys: persistence in redis.conf's spelling, the control plane's fencing, the Serverless proxy's hold.
        { Crash, "redis:\n  appendfsync: sometimes\n", 19, 16, "redis.appendfsync: expected always, everysec or no; found 'sometimes'" },
        { Crash, "redis:\n  appendonly: true\n", 19, 15, "redis.appendonly: expected yes or no (redis.conf's spelling); found 'true'" },
        { Crash, "redis:\n  save: \"3600\"\n", 19, 9, "redis.save: expected pairs of whole seconds and changes (both at least 1), e.g. \"3600 1 300 100\", or \"\" for none; found '3600'" },
        { Crash, "elasticache:\n  fencing: fenced\n", 19, 3, "elasticache.fencing: expected one of power-off, none; found 'fenced'" },
        { Crash, "elasticache:\n  fencing-delay: 10\n", 19, 3, "elasticache.fencing-delay: expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found '10'" },
        { Crash, "serverless:\n  proxy-hold: soon\n", 19, 3, "serverless.proxy-hold: expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found 'soon'" },
        { Crash, "elasticache:\n  durability: yes\n", 19, 3, "elasticache.durability: expected one of disabled, sync, async; found 'yes'" },
        { Crash, "elasticache:\n  engine-version: redis-oss-7.1\n  durability: sync\n", 20, 3, "elasticache.durability: sync needs engine-version valkey-9.0 or later (durability is a Valkey 9.0 feature, docs/sources.md §4.5); found engine-version redis-oss-7.1" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Parse_MinimalWithOneMistake_OneProblemAtItsPlace(string faults, string appended, int line, int column, string message)
    {
        var text = File.ReadAllText(RepositoryFiles.TestData("Good/minimal.yaml"));
        if (faults.Length > 0)
        {
            text = text.Replace(Crash, faults);
        }

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text + appended), "m.yaml"));

        Assert.Equal(new ScenarioProblem("m.yaml", line, column, message), Assert.Single(error.Problems));
    }

    [Fact]
    public void Parse_TwoBadKeysInOnePathBlock_BothReportedAtTheirLines()
    {
        // The Model's parser of a path block stops at its first bad key; the reader reports every one of them.
        var text = File.ReadAllText(RepositoryFiles.TestData("Good/minimal.yaml"))
            + "elasticache:\n  fencing-delay: 10\n  detection: 5s\n  promotion-time: soon\n";

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "m.yaml"));

        var problems = error.Problems.OrderBy(p => p.Line).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Equal((19, "elasticache.fencing-delay: expected a duration with a unit"), (problems[0].Line, problems[0].Message[..58]));
        Assert.Equal(20, problems[1].Line);
        Assert.StartsWith("elasticache.detection: ", problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(21, problems[2].Line);
        Assert.StartsWith("elasticache.promotion-time: ", problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PhasesOutOfOrder_PointsAtTheLaterPhase()
    {
        var text = File.ReadAllText(RepositoryFiles.TestData("Good/minimal.yaml")).Replace(
            "  value-size: 100\n",
            "  value-size: 100\n  phases:\n    - { at: 30s, rate-multiplier: 2, ramp: 10s }\n    - { at: 35s, rate-multiplier: 1 }\n");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "m.yaml"));

        Assert.Equal(
            new ScenarioProblem("m.yaml", 16, 13, "workload.phases[1].at: expected phases in time order, each starting after the previous one (at 30.000s) and its ramp (until 40.000s); found 35.000s"),
            Assert.Single(error.Problems));
    }

    [Fact]
    public void Parse_MemberNamedLikeAnAz_Refused()
    {
        var text = File.ReadAllText(RepositoryFiles.TestData("Good/minimal.yaml")).Replace("{ name: n2, az: az-b }", "{ name: az-c, az: az-b }");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "m.yaml"));

        Assert.Equal(
            new ScenarioProblem("m.yaml", 6, 15, "topology: the node name 'az-c' is also an AZ name; fault targets could not tell them apart"),
            Assert.Single(error.Problems));
    }
}
