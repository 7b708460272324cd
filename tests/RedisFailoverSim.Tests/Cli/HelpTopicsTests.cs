using RedisFailoverSim.Cli.Help;
using RedisFailoverSim.Cli.Scenarios;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Cli;

public class HelpTopicsTests
{
    [Fact]
    public void ScenarioName_EveryFaultKind_IsTheScenarioSpelling()
    {
        Assert.Equal(
            [
                "crash", "power-off", "pause", "isolate", "partition", "one-way", "slow-az", "az-power-interruption",
                "node-replacement", "reboot", "traffic-burst", "cluster-failover", "log-packet-loss", "log-slow-replica", "log-brownout",
            ],
            Enum.GetValues<FaultKind>().Select(HelpTopics.ScenarioName));
    }

    [Fact]
    public void Text_EveryFaultKind_HasALineOfItsOwn()
    {
        var lines = HelpTopics.Text().Split('\n');

        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            Assert.Single(lines, l => l.StartsWith($"  {HelpTopics.ScenarioName(kind)} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Text_NoLine_IsWiderThanOneHundredColumns()
    {
        var widest = HelpTopics.Text().Split('\n').Max(l => l.TrimEnd('\r').Length);

        Assert.True(widest <= HelpTopics.Width, $"widest line is {widest} columns");
    }

    [Theory]
    [InlineData("Kill -9 of the primary. Sentinel defaults.", "Kill -9 of the primary.")]
    [InlineData("The Jepsen 2013 setup\nwith five nodes", "The Jepsen 2013 setup with five nodes")]
    [InlineData("  No period at all  ", "No period at all")]
    public void FirstSentence_Description_IsUpToTheFirstFullStop(string description, string expected)
    {
        Assert.Equal(expected, BundledScenarios.FirstSentence(description));
    }
}
