using System.Globalization;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>Reads Linux's /proc to find the redis/valkey processes whose parent is a given process.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> RedisChildrenOf(int parent)
    {
        var children = new List<int>();
        if (!OperatingSystem.IsLinux())
        {
            return children;
        }

        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..." — comm may hold spaces, so split after the last ')'.
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                int close = stat.LastIndexOf(')');
                string comm = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
                var rest = stat[(close + 2)..].Split(' ');
                int ppid = int.Parse(rest[1], CultureInfo.InvariantCulture);
                if (ppid == parent && (comm.StartsWith("redis", StringComparison.Ordinal) || comm.StartsWith("valkey", StringComparison.Ordinal)))
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we read it.
            }
        }

        return children;
    }
}
