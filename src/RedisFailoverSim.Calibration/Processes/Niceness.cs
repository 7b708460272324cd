using System.Globalization;
using System.Runtime.InteropServices;

namespace RedisFailoverSim.Calibration.Processes;

/// <summary>
/// Scheduling priority of rfsim's own threads during a real run (Linux). Linux keeps a nice value per thread and a
/// new thread inherits its creator's, so every thread of the process is reniced, and later threads follow.
/// Needs privilege to raise; without it nothing changes.
/// </summary>
internal static partial class Niceness
{
    private const int PriorityProcess = 0;

    /// <summary>Sets every thread of this process to <paramref name="nice"/>; returns what to restore.</summary>
    public static IReadOnlyList<(int Thread, int Nice)> SetAllThreads(int nice)
    {
        var changed = new List<(int, int)>();
        if (!OperatingSystem.IsLinux())
        {
            return changed;
        }

        foreach (int thread in Threads())
        {
            Marshal.SetLastPInvokeError(0);
            int before = SysGetPriority(PriorityProcess, thread);
            if ((before == -1 && Marshal.GetLastPInvokeError() != 0) || before == nice)
            {
                continue;
            }

            if (SysSetPriority(PriorityProcess, thread, nice) == 0)
            {
                changed.Add((thread, before));
            }
        }

        return changed;
    }

    /// <summary>Puts back what <see cref="SetAllThreads"/> changed (threads that ended are skipped).</summary>
    public static void Restore(IReadOnlyList<(int Thread, int Nice)> changed)
    {
        foreach (var (thread, nice) in changed)
        {
            SysSetPriority(PriorityProcess, thread, nice);
        }
    }

    private static IEnumerable<int> Threads()
    {
        string[] entries;
        try
        {
            entries = Directory.GetDirectories("/proc/self/task");
        }
        catch (IOException)
        {
            return [];
        }

        return entries
            .Select(e => int.TryParse(Path.GetFileName(e), NumberStyles.None, CultureInfo.InvariantCulture, out int tid) ? tid : 0)
            .Where(tid => tid > 0)
            .ToList();
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SysSetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int SysGetPriority(int which, int who);
}
