using System.Text.Json;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>A run is a pure function of (scenario, path, seed): the same inputs give the same result, field for field.</summary>
public class FourPathDeterminismTests
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public static TheoryData<string> Paths => new() { "elasticache", "serverless", "memorydb", "self-hosted" };

    private static string Serialize(PathResult result) => JsonSerializer.Serialize(result, Json);

    [Theory]
    [MemberData(nameof(Paths))]
    public void SameSeedTwice_AzPowerInterruptionAndSplitBrainPartition_ByteIdenticalResults(string path)
    {
        WorldSpec[] specs = [Specs.ThreeNodes([Specs.AzPower(30, 600)], durationS: 120), Specs.Jepsen([Specs.SplitAzA(15, 90)], durationS: 120)];
        foreach (var spec in specs)
        {
            var a = DeploymentPaths.Run(path, spec, 42, RunOptions.Default);
            var b = DeploymentPaths.Run(path, spec, 42, RunOptions.Default);
            var c = DeploymentPaths.Run(path, spec, 43, RunOptions.Default);
            Assert.Equal(path, a.Path);
            Assert.Equal(Serialize(a), Serialize(b));
            Assert.NotEqual(Serialize(a), Serialize(c));
        }
    }

    [Fact]
    public void AllPaths_Available_InReportOrder()
    {
        Assert.Equal(["elasticache", "serverless", "memorydb", "self-hosted"], DeploymentPaths.Available);
        Assert.Equal(DeploymentPaths.All, DeploymentPaths.Available);
    }
}
