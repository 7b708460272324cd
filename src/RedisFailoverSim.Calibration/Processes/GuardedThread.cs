using System.Collections.Concurrent;

namespace RedisFailoverSim.Calibration.Processes;

/// <summary>
/// Starts rfsim's background threads (proxies, observers, pollers, faults). An exception escaping a thread would
/// end the whole process without running its exit handlers, and leave the Redis processes behind, so every thread
/// body runs inside a last-resort catch that records the failure instead (<see cref="Failures"/>).
/// </summary>
internal static class GuardedThread
{
    private static readonly ConcurrentQueue<string> FailureQueue = new();

    /// <summary>Failures caught so far (thread name: exception), for the report.</summary>
    public static IReadOnlyList<string> Failures => [.. FailureQueue];

    /// <summary>Starts a background thread running <paramref name="body"/>.</summary>
    public static Thread Start(string name, Action body, int maxStackBytes = 0)
    {
        var thread = new Thread(() => Run(name, body), maxStackBytes) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    private static void Run(string name, Action body)
    {
        try
        {
            body();
        }
#pragma warning disable CA1031 // The last resort of a thread: anything else would crash the process and leak children.
        catch (Exception e)
#pragma warning restore CA1031
        {
            FailureQueue.Enqueue($"{name}: {e.GetType().Name}: {e.Message}");
        }
    }
}
