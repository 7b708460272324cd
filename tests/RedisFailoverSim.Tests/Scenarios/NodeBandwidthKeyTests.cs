using System.Text;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary><c>network.node-bandwidth</c> (A160): AWS's decimal units, and off when absent.</summary>
public class NodeBandwidthKeyTests
{
    private const string Base = """
        name: bandwidth
        topology:
          azs: [az-a, az-b]
          nodes:
            - { name: n1, az: az-a, primary: true }
            - { name: n2, az: az-b }
          clients: { az-a: 1 }
        workload:
          rate: 10
          duration: 10s
          value-size: 100
        paths: [elasticache]

        """;

    private static long Bandwidth(string network) =>
        ScenarioLoader.Parse(Encoding.UTF8.GetBytes(Base + network), "test.yaml").World.Network.NodeBandwidthBitsPerSecond;

    [Theory]
    [InlineData("network: { node-bandwidth: 0.937gbps }", 937_000_000)]
    [InlineData("network: { node-bandwidth: 0.937Gbps }", 937_000_000)]
    [InlineData("network: { node-bandwidth: 12.5 gbps }", 12_500_000_000)]
    [InlineData("network: { node-bandwidth: 500mbps }", 500_000_000)]
    [InlineData("network: { node-bandwidth: 64kbps }", 64_000)]
    [InlineData("network: { same-az-median: 220us }", 0)]
    [InlineData("", 0)]
    public void Load_NodeBandwidth_BitsPerSecondOrOffWhenAbsent(string network, long expected) =>
        Assert.Equal(expected, Bandwidth(network));

    [Theory]
    [InlineData("0gbps")]
    [InlineData("-1gbps")]
    [InlineData("fast")]
    [InlineData("100MB/s")]
    public void Load_NodeBandwidthNotARate_IsReportedWithTheExpectedForm(string value)
    {
        var error = Assert.Throws<ScenarioException>(() => Bandwidth($"network: {{ node-bandwidth: {value} }}"));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(
            $"network.node-bandwidth: expected a bandwidth in bits per second with its unit (e.g. 0.937gbps or 500mbps), from 1 bit/s to 1,000,000 Gbps; found '{value}'",
            problem.Message);
    }
}
