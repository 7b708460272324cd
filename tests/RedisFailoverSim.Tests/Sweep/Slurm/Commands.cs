using System.Diagnostics;

namespace RedisFailoverSim.Tests.Sweep.Slurm;

/// <summary>Runs a command to its end (bounded) and returns its exit code and output, for the Slurm tests.</summary>
internal static class Commands
{
    public static (int Exit, string Output) Run(
        string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        int timeoutMilliseconds = 30_000)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeoutMilliseconds))
        {
            process.Kill();
            process.WaitForExit();
            return (-1, $"{fileName} timed out after {timeoutMilliseconds} ms\n{stdout}{stderr.Result}");
        }

        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The full path of a program on PATH (or one of the sbin folders), or null.</summary>
    public static string? Find(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin"]);
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }
}
