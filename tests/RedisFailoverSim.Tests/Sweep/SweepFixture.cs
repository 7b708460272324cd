using RedisFailoverSim.Cli;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Sweep;

/// <summary>
/// The real loader and paths on a short scenario written into a temp folder: three nodes, the primary crashes at
/// 10 s and restarts after 20 s, Sentinel down-after 5 s, two clients writing 50/s for 30 s. A replication takes a
/// fraction of a second, so sweeps of a few runs keep the tests fast.
/// </summary>
internal sealed class SweepFixture : IDisposable
{
    public const string Yaml = """
        name: sweep-test-crash
        description: Three nodes; the primary crashes at 10 s and comes back empty 20 s later.
        seed: 7
        topology:
          azs: [az-a, az-b, az-c]
          nodes:
            - { name: n1, az: az-a, primary: true }
            - { name: n2, az: az-b }
            - { name: n3, az: az-c }
          sentinels: { az-a: 1, az-b: 1, az-c: 1 }
          clients:
            - { name: c1, az: az-a }
            - { name: c2, az: az-b }
        workload:
          rate: 50
          arrival: constant
          duration: 30s
          value-size: 100
        faults:
          - kind: crash
            at: 10s
            duration: 20s
            target: primary
        sentinel:
          quorum: 2
          down-after-milliseconds: 5000
        """;

    /// <summary>A fixed tool, so the files do not depend on the build's commit.</summary>
    public static readonly ToolInfo Tool = new("rfsim", "0.1.0", "0123456789abcdef0123456789abcdef01234567");

    private readonly TempFolder _temp = new();

    public SweepFixture()
    {
        ScenarioFile = System.IO.Path.Combine(_temp.Path, "crash.yaml");
        File.WriteAllText(ScenarioFile, Yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    public string Root => _temp.Path;

    public string ScenarioFile { get; }

    public StringWriter Out { get; private set; } = new();

    public StringWriter Error { get; private set; } = new();

    public string Folder(string name) => System.IO.Path.Combine(Root, name);

    /// <summary>Runs the command line with fresh output writers.</summary>
    public int Run(params string[] args) => Run(CancellationToken.None, args);

    /// <summary>Runs the command line with fresh output writers and the given Ctrl-C token.</summary>
    public int Run(CancellationToken cancellation, params string[] args) => Run(Tool, cancellation, args);

    /// <summary>Runs the command line as <paramref name="tool"/> (e.g. the real build, to compare with its processes).</summary>
    public int Run(ToolInfo tool, CancellationToken cancellation, params string[] args)
    {
        Out = new StringWriter();
        Error = new StringWriter();
        return CliApp.Run(args, new CliEnvironment(
            Out,
            Error,
            ScenarioLoader.Load,
            DeploymentPaths.Run,
            DeploymentPaths.Available,
            ModelDefaults.All,
            [],
            [Root],
            tool,
            cancellation));
    }

    /// <summary>Every file of a folder: name → bytes, in name order.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Files(string folder) =>
        Directory.GetFiles(folder)
            .Order(StringComparer.Ordinal)
            .Select(f => (System.IO.Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();

    public void Dispose() => _temp.Dispose();
}
