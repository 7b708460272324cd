using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RedisFailoverSim.Calibration.Cluster;

/// <summary>
/// The server and Sentinel executables a real run starts: given on the command line, or found on PATH as
/// <c>redis-server</c> / <c>redis-sentinel</c> (or <c>valkey-server</c> / <c>valkey-sentinel</c>).
/// </summary>
/// <param name="ServerPath">The server executable.</param>
/// <param name="SentinelPath">The Sentinel executable (or a server executable, run with <c>--sentinel</c>).</param>
/// <param name="SentinelNeedsFlag">True when <see cref="SentinelPath"/> is a server binary that needs <c>--sentinel</c>.</param>
/// <param name="Version">What <c>--version</c> printed, e.g. <c>Redis server v=7.0.15</c>.</param>
internal sealed partial record RedisBinaries(string ServerPath, string SentinelPath, bool SentinelNeedsFlag, string Version)
{
    /// <summary>What to install when the binaries are missing (Debian's packages; Redis 7.0 on Debian 12).</summary>
    public const string InstallHint = "install Debian's packages: apt-get install -y redis-server redis-sentinel (or pass --redis-server PATH / --redis-sentinel PATH; valkey-server / valkey-sentinel work too)";

    /// <summary>Finds both executables; throws <see cref="CalibrationSetupException"/> naming the package when one is missing.</summary>
    public static RedisBinaries Find(string? serverPath, string? sentinelPath)
    {
        string server = Resolve(serverPath, ["redis-server", "valkey-server"], "--redis-server", "redis-server");
        string sentinel = Resolve(sentinelPath, ["redis-sentinel", "valkey-sentinel"], "--redis-sentinel", "redis-sentinel");
        bool needsFlag = !Path.GetFileName(sentinel).Contains("sentinel", StringComparison.OrdinalIgnoreCase);
        return new RedisBinaries(server, sentinel, needsFlag, ReadVersion(server));
    }

    /// <summary>The arguments that start a Sentinel on <paramref name="configPath"/>.</summary>
    public IReadOnlyList<string> SentinelArguments(string configPath) => SentinelNeedsFlag ? [configPath, "--sentinel"] : [configPath];

    /// <summary>The first directory of PATH holding <paramref name="name"/> as a file, or null.</summary>
    public static string? OnPath(string name)
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Resolve(string? given, string[] names, string option, string package)
    {
        if (given is not null)
        {
            if (File.Exists(given))
            {
                return Path.GetFullPath(given);
            }

            string? found = OnPath(given);
            return found ?? throw new CalibrationSetupException($"{option} {given}: no such file");
        }

        foreach (string name in names)
        {
            if (OnPath(name) is { } found)
            {
                return found;
            }
        }

        throw new CalibrationSetupException($"{string.Join(" / ", names)} not found on PATH (package {package} missing): {InstallHint}");
    }

    private static string ReadVersion(string server)
    {
        try
        {
            var info = new ProcessStartInfo(server) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("--version");
            using var process = Process.Start(info);
            if (process is null)
            {
                return "unknown";
            }

            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill();
                return "unknown";
            }

            var match = VersionPattern().Match(output.Result);
            return match.Success ? match.Value : output.Result.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CalibrationSetupException($"{server} cannot be run: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"^\S+ server v=\S+", RegexOptions.Multiline)]
    private static partial Regex VersionPattern();
}
