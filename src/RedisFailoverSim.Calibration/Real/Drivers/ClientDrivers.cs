using System.Diagnostics;

namespace RedisFailoverSim.Calibration.Real.Drivers;

/// <summary>
/// The client libraries <c>rfsim calibrate --client</c> can drive here, and where their drivers are. StackExchange.Redis
/// runs inside rfsim (<see cref="RealWriteClient"/>); the others run as a child process each, one per scenario client.
/// </summary>
internal static class ClientDrivers
{
    /// <summary>The library that runs in-process.</summary>
    public const string InProcess = "stackexchange-redis";

    // Debian's python3-redis is installed for Debian's interpreter; a python3 earlier on PATH (pyenv) would not see it.
    private const string DebianPython = "/usr/bin/python3";
    private const string NpmInstall = "npm ci --prefix calibration/drivers";

    /// <summary>Every library with a driver.</summary>
    public static IReadOnlyList<ClientDriver> All { get; } =
    [
        new("redis-py-4", DebianPython, "redis_py_writer.py", "redis", "apt-get install -y python3-redis"),
        new("ioredis", "node", "ioredis_writer.js", "ioredis", NpmInstall),
        new("node-redis", "node", "node_redis_writer.js", "redis", NpmInstall),
        new("valkey-glide", "node", "glide_writer.js", "@valkey/valkey-glide", NpmInstall),
    ];

    /// <summary>The driver for <paramref name="library"/>, or null when it runs in-process or cannot run here.</summary>
    public static ClientDriver? Find(string library) =>
        All.FirstOrDefault(d => string.Equals(d.Library, library, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The folder holding the drivers: <c>RFSIM_DRIVERS</c>, else <c>calibration/drivers</c> in the current folder or a
    /// parent of it or of rfsim's own folder (a source checkout). Null when none is found.
    /// </summary>
    public static string? Directory()
    {
        if (Environment.GetEnvironmentVariable("RFSIM_DRIVERS") is { Length: > 0 } configured)
        {
            return System.IO.Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "calibration", "drivers");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Checks that <paramref name="driver"/> can run: its folder, its interpreter and its library. Throws
    /// <see cref="CalibrationSetupException"/> naming what to install.
    /// </summary>
    public static string Check(ClientDriver driver)
    {
        var dir = Directory() ?? throw new CalibrationSetupException(
            $"--client {driver.Library}: calibration/drivers/ not found (run from a source checkout or set RFSIM_DRIVERS)");
        var probe = driver.IsNode
            ? new[] { "-e", $"require('{driver.Probe}')" }
            : ["-c", $"import {driver.Probe}"];
        string? error = RunProbe(driver.Interpreter, probe, dir);
        if (error is not null)
        {
            throw new CalibrationSetupException($"--client {driver.Library}: {driver.Interpreter} cannot load '{driver.Probe}' ({error}); install: {driver.Install}");
        }

        return dir;
    }

    private static string? RunProbe(string interpreter, string[] arguments, string directory)
    {
        var info = new ProcessStartInfo(interpreter)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = directory,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return "did not start";
            }

            string stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill();
                return "timed out";
            }

            return process.ExitCode == 0 ? null : stderr.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "exit " + process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}
