using RedisFailoverSim.Cli;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// A CLI environment with fakes: the scenario loader and the path runner are seams (ScenarioLoader and the
/// paths are written in parallel), the console is two StringWriters, the working folder a temp folder.
/// </summary>
internal sealed class CliFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public CliFixture()
    {
        ScenarioFile = Path.Combine(_temp.Path, "split.yaml");
        File.WriteAllText(ScenarioFile, "name: az-partition-split-brain\n");
        Scenario = ReportFixtures.Scenario(ScenarioFile);
    }

    public string Root => _temp.Path;

    public string ScenarioFile { get; }

    /// <summary>What the fake loader returns for any existing file.</summary>
    public Scenario Scenario { get; set; }

    /// <summary>When set, the fake loader throws it.</summary>
    public Exception? LoadError { get; set; }

    /// <summary>The fake path runner: by default the split-brain result renamed to the path.</summary>
    public Func<string, ulong, PathResult> Runner { get; set; } =
        (path, _) => ReportFixtures.SplitBrain() with { Path = path };

    public IReadOnlyList<string> Available { get; set; } = ["self-hosted"];

    public IReadOnlyList<IReportFile> ChartFiles { get; set; } = [];

    public List<(string Path, ulong Seed, RunOptions Options)> Runs { get; } = [];

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public string OutputPath(string name = "out") => Path.Combine(Root, name);

    public int Run(params string[] args) => CliApp.Run(args, Environment());

    public CliEnvironment Environment(CancellationToken cancellation = default) => new(
        Out,
        Error,
        Load,
        (path, _, seed, options) =>
        {
            Runs.Add((path, seed, options));
            options.Progress?.Report(0.55);
            return Runner(path, seed);
        },
        Available,
        ModelDefaults.All,
        ChartFiles,
        [Root],
        ReportFixtures.Tool,
        cancellation);

    public void Dispose() => _temp.Dispose();

    private Scenario Load(string file)
    {
        if (LoadError is not null)
        {
            throw LoadError;
        }

        return Scenario with { SourcePath = file };
    }
}
