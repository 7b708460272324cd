using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// <c>workload.wait</c>: <c>{ every: 1, replicas: 1, timeout: 100ms }</c> sends <c>WAIT 1 100</c> after every write;
/// <c>command: waitaof</c> with <c>local: 0|1</c> sends <c>WAITAOF</c> instead (docs/sources.md §16.4).
/// </summary>
internal sealed partial class ScenarioReader
{
    // A WAIT for more replicas than any topology holds only ever times out; numreplicas is a long in Redis.
    private const long MaxWaitReplicas = 1000;

    /// <summary>Why <paramref name="path"/> cannot run the scenario's WAIT (or WAITAOF), or null when it can.</summary>
    private static string? UnsupportedWait(string path, bool aof)
    {
        string name = aof ? "WAITAOF" : "WAIT";
        return path switch
        {
            // The list of commands unavailable for serverless caches names wait; the supported list names neither.
            DeploymentPaths.Serverless => aof
                ? "ElastiCache Serverless does not support WAITAOF: it is not among the commands serverless caches support (docs/sources.md §5.3, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SupportedCommands.html)"
                : "ElastiCache Serverless refuses WAIT: 'wait' is on the list of commands unavailable for serverless caches (docs/sources.md §5.3, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SupportedCommands.html)",

            // Not restricted, but what it answers is undocumented; the acknowledgement already waits for the log.
            DeploymentPaths.MemoryDb =>
                $"MemoryDB does not list {name} among its restricted commands but documents no answer to it, and acknowledges a write only once its Multi-AZ transaction log holds it, so {name} adds no durability there; it is not modelled on memorydb (docs/sources.md §6.4, https://docs.aws.amazon.com/memorydb/latest/devguide/restrictedcommands.html)",
            _ => null,
        };
    }

    /// <summary>Returns the spec, null when absent, or false in <paramref name="ok"/> when it has problems.</summary>
    private static WaitSpec? ReadWait(MappingReader section, RequestedPaths paths, out bool ok)
    {
        ok = true;
        if (section.Mapping("wait", ScenarioKeys.Wait) is not { } w)
        {
            ok = !section.Has("wait");
            return null;
        }

        var command = w.Text("command", "wait or waitaof", isValid: t => t is "wait" or "waitaof") ?? (w.Has("command") ? null : "wait");
        var every = w.Integer("every", 1, int.MaxValue, required: true, unit: "writes");
        var replicas = w.Integer("replicas", 0, MaxWaitReplicas, required: true);
        var timeout = w.Duration("timeout", required: true, allowZero: true);
        var local = w.Integer("local", 0, 1);
        if (local is not null && command != "waitaof")
        {
            w.Report("local", "applies only to 'command: waitaof' (WAITAOF numlocal numreplicas timeout)");
            ok = false;
        }

        // Per path, what AWS documents (docs/sources.md §5.3, §6.4); self-hosted and node-based ElastiCache run WAIT as Redis does.
        foreach (var path in paths.Names)
        {
            if (UnsupportedWait(path, command == "waitaof") is { } why)
            {
                section.Report("wait", paths.At is not null
                    ? $"{why}; leave {path} out of 'paths'"
                    : $"{why}; 'paths' is left out, so all four run: list the others under 'paths'");
                ok = false;
            }
        }

        if (command is null || every is null || replicas is null || timeout is null || (w.Has("local") && local is null) || !ok)
        {
            ok = false;
            return null;
        }

        return new WaitSpec((int)every.Value, (int)replicas.Value, timeout.Value)
        {
            Aof = command == "waitaof",
            NumLocal = (int)(local ?? 0),
        };
    }
}
