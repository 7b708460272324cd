using System.Runtime.InteropServices;

namespace RedisFailoverSim.Calibration.Processes;

/// <summary>
/// Every child process still running, so that nothing outlives rfsim: on process exit, on SIGTERM and on
/// Ctrl-C (SIGINT) each one is killed by its process id. The normal path (dispose) removes them first.
/// </summary>
internal static class ChildProcessRegistry
{
    private static readonly object Gate = new();
    private static readonly List<ChildProcess> Live = [];
    private static bool _hooked;

    // Kept alive for the process lifetime: disposing a registration removes the handler.
    private static readonly List<PosixSignalRegistration> Registrations = [];

    /// <summary>Process ids of the children still registered.</summary>
    public static IReadOnlyList<int> LivePids
    {
        get
        {
            lock (Gate)
            {
                return Live.Select(c => c.Pid).ToList();
            }
        }
    }

    /// <summary>Registers a started child and, the first time, hooks exit and signal handlers.</summary>
    public static void Add(ChildProcess child)
    {
        lock (Gate)
        {
            Live.Add(child);
            if (_hooked)
            {
                return;
            }

            _hooked = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

            // A crash does not run ProcessExit handlers: kill the children before the runtime ends the process.
            AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
            if (Signals.Supported)
            {
                // The handlers only kill the children; the default action (terminate) still happens unless a
                // caller cancels it (CalibrationCommand does, to stop cleanly and print what it has).
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillAll()));
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, _ => KillAll()));
            }
        }
    }

    /// <summary>Forgets a child that has been stopped.</summary>
    public static void Remove(ChildProcess child)
    {
        lock (Gate)
        {
            Live.Remove(child);
        }
    }

    /// <summary>Kills every child still registered.</summary>
    public static void KillAll()
    {
        List<ChildProcess> children;
        lock (Gate)
        {
            children = [.. Live];
        }

        foreach (var child in children)
        {
            child.Kill();
        }
    }
}
