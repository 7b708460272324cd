using System.Text.RegularExpressions;

namespace RedisFailoverSim.Tests.Architecture;

/// <summary>
/// Finds the APIs banned inside a run (Engine, Model, Paths) and names the fix: a run must be a pure
/// function of (scenario, path, seed).
/// </summary>
public class TidyTests
{
    private static readonly (string Pattern, string Fix)[] Banned =
    [
        (@"DateTime\.(Now|UtcNow|Today)", "use Simulation.Now (simulated time)"),
        (@"\bStopwatch\b", "no wall clock inside a run; time progress in the Cli"),
        (@"Environment\.TickCount", "use Simulation.Now"),
        (@"Guid\.NewGuid", "derive ids from a counter or a named random stream"),
        (@"new\s+(System\.)?Random\s*\(", "use sim.Random.Stream(name, index)"),
        (@"Random\.Shared", "use sim.Random.Stream(name, index)"),
        (@"\.GetHashCode\(\)", "string hashes change per process: use SplitMix64/FNV over UTF-8"),
        (@"HashCode\.Combine", "changes per process: use a stable hash"),
        (@"\b(async|await)\b|\bTask\.(Run|Delay)|new\s+Thread\b|Parallel\.", "a run is single-threaded: use processes and events"),
        (@"\bTimeSpan\b", "use SimDuration (integer nanoseconds)"),
    ];

    public static TheoryData<string> Layers => new() { "RedisFailoverSim.Engine", "RedisFailoverSim.Model", "RedisFailoverSim.Paths" };

    [Theory]
    [MemberData(nameof(Layers))]
    public void SimulationLayers_Source_UsesNoBannedApi(string layer)
    {
        var problems = new List<string>();
        var folder = Path.Combine(RepositoryRoot.Path, "src", layer);
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = StripComment(lines[i]);
                foreach (var (pattern, fix) in Banned)
                {
                    // SimDuration converts to and from TimeSpan by design (issue 3: helpers for scenario input).
                    if (pattern.Contains("TimeSpan", StringComparison.Ordinal) && file.EndsWith("SimDuration.cs", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // The async/await ban is about code: "async" is also a value a scenario names (elasticache.durability).
                    var checkedText = pattern.StartsWith(@"\b(async", StringComparison.Ordinal) ? WithoutStringLiterals(code) : code;
                    if (Regex.IsMatch(checkedText, pattern))
                    {
                        problems.Add($"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{i + 1}: '{code.Trim()}' — {fix}");
                    }
                }
            }
        }

        Assert.Empty(problems);
    }

    private static string WithoutStringLiterals(string code) => Regex.Replace(code, @"""(?:[^""\\]|\\.)*""", "\"\"");

    [Fact]
    public void BannedPatterns_CatchTheirExamples()
    {
        Assert.Matches(Banned[0].Pattern, "var t = DateTime.UtcNow;");
        Assert.DoesNotMatch(@"\b(async|await)\b", WithoutStringLiterals("(\"async\", ElastiCacheDurability.Async),"));
        Assert.Matches(@"\b(async|await)\b", WithoutStringLiterals("public async void Run() => \"x\";"));
        Assert.Matches(Banned[4].Pattern, "var r = new Random(42);");
        Assert.Matches(Banned[6].Pattern, "name.GetHashCode()");
        Assert.DoesNotMatch(Banned[4].Pattern, "var r = sim.Random.Stream(\"x\");");
    }

    private static string StripComment(string line)
    {
        int i = line.IndexOf("//", StringComparison.Ordinal);
        return i >= 0 ? line[..i] : line;
    }
}
