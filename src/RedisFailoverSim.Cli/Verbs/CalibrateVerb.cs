using CommandLine;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim calibrate</c>; the behaviour lives in the Calibration project.</summary>
[Verb("calibrate", HelpText = "Compare the model with real redis-server + redis-sentinel on 127.0.0.1. Only the "
    + "self-hosted path; puts model and reality side by side: calibration.json, per-run CSVs and calibration.png/svg. "
    + "Exit 0 agree, 1 differ, 2 bad input or no Redis (apt-get install -y redis-server redis-sentinel), 130 Ctrl-C.")]
internal sealed class CalibrateVerb : Help.IExtraArguments
{
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "one scenario file";

    [Value(0, MetaName = "file", Required = true,
        HelpText = "The scenario YAML file. Faults loopback can reproduce: crash, reboot, power-off, pause, isolate, "
        + "partition, one-way (AZ power interruption, slow AZ, node replacement and bursts exit 2 with the list).")]
    public string File { get; set; } = "";

    [Option("runs", HelpText = "Real runs (default 3); each lasts the scenario's duration plus convergence, in real time.")]
    public int? Runs { get; set; }

    [Option("model-seeds", HelpText = "Model seeds to run beside them. Default: max(runs, 10); model runs cost milliseconds.")]
    public int? ModelSeeds { get; set; }

    [Option("redis-server", HelpText = "redis-server or valkey-server binary. Default: found on PATH.")]
    public string? RedisServer { get; set; }

    [Option("redis-sentinel", HelpText = "redis-sentinel or valkey-sentinel binary. Default: found on PATH.")]
    public string? RedisSentinel { get; set; }

    [Option("port-base", HelpText = "First TCP port tried on 127.0.0.1 (default 26400); every port is checked free before use.")]
    public int? PortBase { get; set; }

    [Option("seed", HelpText = "First model seed. Default: the scenario's seed, else 1.")]
    public ulong? Seed { get; set; }

    [Option("out", HelpText = "Output folder. Default: out/<scenario-name>/calibration.")]
    public string? Out { get; set; }

    [Option("max-write-rate", HelpText = "Cap on the real write rate, all clients, per second (default 500), so one "
        + "machine can drive it; both sides run the capped rate and the report says so.")]
    public double? MaxWriteRate { get; set; }

    [Option("client", HelpText = "Client library to drive (default stackexchange-redis, in-process). redis-py, ioredis, "
        + "node-redis and valkey-glide run their driver in calibration/drivers/ with the library's own defaults, and the model runs that "
        + "library's profile (rfsim explain client <library>).")]
    public string? Client { get; set; }

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("Crash the primary of a real 3-node Sentinel cluster three times and compare with the model", "rfsim calibrate scenarios/primary-crash.yaml"),
        new("Split brain, five real runs", "rfsim calibrate scenarios/az-partition-split-brain.yaml --runs 5"),
        new("The same crash with redis-py driving the writes", "rfsim calibrate scenarios/primary-crash.yaml --client redis-py"),
    ];
}
