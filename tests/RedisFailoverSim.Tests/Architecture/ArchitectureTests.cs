using System.Text.RegularExpressions;

namespace RedisFailoverSim.Tests.Architecture;

/// <summary>References between layer projects point downward only.</summary>
public partial class ArchitectureTests
{
    private static readonly string[] Layers =
    [
        "RedisFailoverSim.Engine",
        "RedisFailoverSim.Model",
        "RedisFailoverSim.Paths",
        "RedisFailoverSim.Scenarios",
        "RedisFailoverSim.Reporting|RedisFailoverSim.Calibration",
        "RedisFailoverSim.Cli",
    ];

    private static int Rank(string project)
    {
        for (int i = 0; i < Layers.Length; i++)
        {
            if (Layers[i].Split('|').Contains(project))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"project {project} is in no layer: add it to ArchitectureTests.Layers");
    }

    [Fact]
    public void ProjectReferences_EveryLayer_PointDownwardOnly()
    {
        var problems = new List<string>();
        var projects = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.True(projects.Length >= 6);
        foreach (var csproj in projects)
        {
            string name = Path.GetFileNameWithoutExtension(csproj);
            int rank = Rank(name);
            foreach (Match m in ProjectReference().Matches(File.ReadAllText(csproj)))
            {
                string target = Path.GetFileNameWithoutExtension(m.Groups[1].Value.Replace('\\', '/'));
                if (Rank(target) >= rank)
                {
                    problems.Add($"{name} references {target}, which is not below it");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Engine_References_NoOtherLayerAndNoRedisVocabulary()
    {
        var engine = typeof(RedisFailoverSim.Engine.Simulation).Assembly;
        Assert.DoesNotContain(engine.GetReferencedAssemblies(), a => a.Name!.StartsWith("RedisFailoverSim.", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.GetTypes(), t => t.Name.Contains("Redis", StringComparison.Ordinal) || t.Name.Contains("Sentinel", StringComparison.Ordinal));
    }

    [GeneratedRegex("<ProjectReference Include=\"([^\"]+)\"")]
    private static partial Regex ProjectReference();
}
