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

        var unsupported = paths.Names.Where(p => p is DeploymentPaths.Serverless or DeploymentPaths.MemoryDb).ToList();
        if (unsupported.Count > 0)
        {
            section.Report("wait", $"WAIT and WAITAOF are modelled on self-hosted and elasticache only; the scenario also runs {string.Join(", ", unsupported)} (list the paths under 'paths')");
            ok = false;
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
