using System.Text;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

public class ReadmeTests
{
    [Fact]
    public void WorkedExample_InScenariosReadme_LoadsWithTheValuesItDescribes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.BundledScenarios, "README.md"));
        var section = readme[readme.IndexOf("## A worked example", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```\n", start, StringComparison.Ordinal)];

        var scenario = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), "README.md");

        Assert.Equal("my-primary-crash", scenario.Name);
        Assert.Equal(["elasticache", "self-hosted"], scenario.Paths);
        Assert.Equal(SimDuration.FromSeconds(5), scenario.World.Sentinel.DownAfter);
        Assert.Equal([100, 100, 0], scenario.World.Nodes.Select(n => n.ReplicaPriority));
        Assert.Equal(3, scenario.Expectations.Count);
    }
}
