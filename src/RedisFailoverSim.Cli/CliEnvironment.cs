using System.Reflection;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Scenarios;
using Spectre.Console;

namespace RedisFailoverSim.Cli;

/// <summary>
/// Everything a command touches outside itself: the console, the scenario loader, the path runner, the extra
/// output files, the working folders. Tests build one with fakes; <see cref="FromConsole"/> is the real one.
/// </summary>
/// <param name="Out">Standard output: tables, summaries, verdicts, help.</param>
/// <param name="Error">Standard error: problems, progress lines when not interactive.</param>
/// <param name="LoadScenario">Loads and validates a scenario file (throws <see cref="ScenarioException"/>).</param>
/// <param name="RunPath">Runs one path: (path, world, seed, options) → result.</param>
/// <param name="AvailablePaths">The paths that can run today.</param>
/// <param name="Defaults">The model's documented defaults, for <c>explain</c>.</param>
/// <param name="ChartFiles">The chart and report writers to add unless <c>--no-charts</c>.</param>
/// <param name="SearchRoots">Folders to search upward from for a bundled <c>scenarios/</c> folder, in order.</param>
/// <param name="Tool">Name, version and commit written into results.json.</param>
/// <param name="Cancellation">Set by Ctrl-C.</param>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    Func<string, Scenario> LoadScenario,
    Func<string, WorldSpec, ulong, RunOptions, PathResult> RunPath,
    IReadOnlyList<string> AvailablePaths,
    IReadOnlyList<ModelDefault> Defaults,
    IReadOnlyList<IReportFile> ChartFiles,
    IReadOnlyList<string> SearchRoots,
    ToolInfo Tool,
    CancellationToken Cancellation)
{
    /// <summary>The command's name.</summary>
    public const string CommandName = "rfsim";

    /// <summary>The tool as stamped into this assembly (version and git commit).</summary>
    public static ToolInfo ThisTool { get; } = ToolInfo.FromInformationalVersion(
        CommandName,
        typeof(CliEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "0.0.0");

    /// <summary>The real console, loader and paths.</summary>
    public static CliEnvironment FromConsole(CancellationToken cancellation) => new(
        Console.Out,
        Console.Error,
        ScenarioLoader.Load,
        DeploymentPaths.Run,
        DeploymentPaths.Available,
        [.. ModelDefaults.All, .. AwsPathDefaults.All],
        ReportFiles.ChartsAndReports,
        [Directory.GetCurrentDirectory(), AppContext.BaseDirectory],
        ThisTool,
        cancellation);

    /// <summary>
    /// A Spectre console on <see cref="Out"/>. When <see cref="Out"/> is not a terminal Spectre writes no escape
    /// codes and no progress bar (Spectre.Console prints none when output is redirected); the width is then fixed so the table does not wrap.
    /// </summary>
    public IAnsiConsole CreateAnsiConsole()
    {
        var output = new AnsiConsoleOutput(Out);
        // Spectre detects ANSI from the environment (TERM), not from the writer: a pipe or a test's StringWriter
        // would get escape codes. Only a real terminal gets colour and a live progress bar.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = output.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = output.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = output,
        });
        if (!console.Profile.Capabilities.Interactive)
        {
            // A pipe or file has no width: wide enough for the results table with separators (about 125 columns),
            // so no cell wraps ("4,373" over "(27.2%)").
            console.Profile.Width = 132;
        }

        return console;
    }
}
