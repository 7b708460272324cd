using System.Runtime.InteropServices;

namespace RedisFailoverSim.Calibration.Processes;

/// <summary>
/// POSIX signals by process id: <c>kill(2)</c>. The numbers differ between Linux and macOS for SIGSTOP/SIGCONT,
/// so they are chosen per OS; Windows has no such signals and calibration refuses to run there.
/// </summary>
internal static partial class Signals
{
    /// <summary>SIGKILL: the process dies at once; its kernel resets its TCP connections.</summary>
    public static int Kill => 9;

    /// <summary>SIGSTOP: the process stops being scheduled; its sockets stay open and silent.</summary>
    public static int Stop => OperatingSystem.IsMacOS() ? 17 : 19;

    /// <summary>SIGCONT: a stopped process resumes as if nothing happened.</summary>
    public static int Continue => OperatingSystem.IsMacOS() ? 19 : 18;

    /// <summary>True where these signals exist (Linux, macOS).</summary>
    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process does not exist.</summary>
    public static bool Send(int pid, int signal)
    {
        if (pid <= 0)
        {
            // kill(0) and kill(-1) would signal whole process groups: never.
            throw new ArgumentOutOfRangeException(nameof(pid), pid, "a single process id is required");
        }

        return SysKill(pid, signal) == 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);
}
