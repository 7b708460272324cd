using System.Diagnostics;
using RedisFailoverSim.Cli;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Sweep;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>The real loader, paths and (optionally) chart and report writers, in-process or as the rfsim process.</summary>
internal static class RealCli
{
    /// <summary>An environment writing to <paramref name="output"/> / <paramref name="error"/>, searching <paramref name="root"/> for scenarios.</summary>
    public static CliEnvironment Environment(TextWriter output, TextWriter error, string root, bool charts = true) => new(
        output,
        error,
        ScenarioLoader.Load,
        DeploymentPaths.Run,
        DeploymentPaths.Available,
        ModelDefaults.All,
        charts ? ReportFiles.ChartsAndReports : [],
        [root],
        SweepFixture.Tool,
        CancellationToken.None);

    /// <summary>Runs <paramref name="args"/> in-process; returns the exit code and what went to stderr.</summary>
    public static (int Exit, string Error) Run(string root, params string[] args)
    {
        using var error = new StringWriter();
        var exit = CliApp.Run(args, Environment(TextWriter.Null, error, root));
        return (exit, error.ToString());
    }

    /// <summary>Starts the built rfsim process with redirected output and the given extra environment variables.</summary>
    public static System.Diagnostics.Process Start(IEnumerable<string> args, params (string Key, string Value)[] environment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rfsim.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return System.Diagnostics.Process.Start(info)!;
    }
}
