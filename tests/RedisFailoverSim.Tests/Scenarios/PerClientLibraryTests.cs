using System.Text;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>
/// Profiles may differ per client in one scenario (issue 18 item 2): <c>topology.clients[i].client</c> takes the keys
/// of <c>client:</c>, starting from the profile its <c>library</c> names, else from the scenario's <c>client:</c>.
/// </summary>
public class PerClientLibraryTests
{
    private const string Scenario = """
        name: mixed-clients
        topology:
          azs: [az-a, az-b, az-c]
          nodes:
            - { name: n1, az: az-a, primary: true }
            - { name: n2, az: az-b }
            - { name: n3, az: az-c }
          sentinels: { az-a: 1, az-b: 1, az-c: 1 }
          clients:
            - { name: c1, az: az-a, client: { library: lettuce } }
            - { name: c2, az: az-b, client: { library: redis-py, command-timeout: 2s } }
            - { name: c3, az: az-c, client: { dead-socket: none } }
            - { name: c4, az: az-c }
        workload:
          rate: 10
          duration: 60s
          value-size: 100
        client:
          library: jedis
          command-timeout: 3s
        """;

    private static Scenario Load(string text) => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "mixed.yaml");

    private static ClientSettings Profile(string id)
    {
        Assert.True(ClientLibraries.TryFind(id, out var library), id);
        return library.Settings;
    }

    [Fact]
    public void Load_OwnClientMappings_EachStartsFromItsLibraryElseFromTheScenarioClient()
    {
        var world = Load(Scenario).World;

        var scenarioClient = Profile("jedis") with { CommandTimeout = SimDuration.FromSeconds(3) };
        Assert.Equal(scenarioClient, world.Client);
        Assert.Equal(Profile("lettuce"), world.ClientSettingsOf(0));
        Assert.Equal(Profile("redis-py") with { CommandTimeout = SimDuration.FromSeconds(2) }, world.ClientSettingsOf(1));
        Assert.Equal(scenarioClient with { DeadSocket = DeadSocketCheck.None }, world.ClientSettingsOf(2));
        Assert.Null(world.Clients[3].Settings);
        Assert.Equal(scenarioClient, world.ClientSettingsOf(3));
        Assert.True(world.HasPerClientSettings);
    }

    [Fact]
    public void Load_OwnClientUnknownLibrary_ProblemNamesTheClientAndTheClosestProfile()
    {
        var error = Assert.Throws<ScenarioException>(() => Load(Scenario.Replace("library: lettuce", "library: letuce", StringComparison.Ordinal)));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("topology.clients[0].client.library: unknown client library 'letuce'; did you mean 'lettuce'?", problem.Message);
        Assert.Equal(10, problem.Line);
    }

    [Fact]
    public void Load_OwnClientUnknownKey_ProblemListsTheClientKeys()
    {
        var error = Assert.Throws<ScenarioException>(() => Load(Scenario.Replace("dead-socket: none", "dead-sockets: none", StringComparison.Ordinal)));

        Assert.StartsWith("topology.clients[2].client: unknown key 'dead-sockets'", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void Load_NoOwnClientMapping_NoClientHasSettingsOfItsOwn()
    {
        var world = Load(Scenario.Replace(", client: { library: lettuce }", "", StringComparison.Ordinal)
            .Replace(", client: { library: redis-py, command-timeout: 2s }", "", StringComparison.Ordinal)
            .Replace(", client: { dead-socket: none }", "", StringComparison.Ordinal)).World;

        Assert.False(world.HasPerClientSettings);
        Assert.All(world.Clients, c => Assert.Null(c.Settings));
    }

    [Fact]
    public void SelfHosted_PrimaryCrash_LettuceClientQueuesWhileTheRedisPy4ClientFailsFast()
    {
        // A crash Sentinel repairs in 31-34 s: Lettuce (60 s timeout, a queue while reconnecting, docs/sources.md §9.3)
        // fails none of c1's writes; redis-py 4.3.4 (no offline queue, §11.9) fails c2's writes while its connects are
        // refused; c3 keeps the scenario's StackExchange.Redis (5 s timeout) and fails some too.
        var spec = Specs.ThreeNodes([Specs.CrashPrimary(20)]);
        spec = spec with
        {
            Clients =
            [
                spec.Clients[0] with { Settings = Profile("lettuce") },
                spec.Clients[1] with { Settings = Profile("redis-py-4") },
                spec.Clients[2],
            ],
        };

        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 3, RunOptions.Default);

        var failed = FailedPerClient(result, spec.Clients.Count);
        Assert.Equal(0, failed[0]);
        Assert.True(failed[1] > 0, $"c2 failed {failed[1]}");
        Assert.True(failed[2] > 0, $"c3 failed {failed[2]}");
        Assert.Equal(result.Writes.Failed, failed.Sum());
        Assert.NotNull(result.Failover?.ClientObservedSeconds);
    }

    private static int[] FailedPerClient(PathResult result, int clients)
    {
        var samples = result.Samples!;
        var failed = new int[clients];
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples.Outcomes[i] == WriteOutcome.Failed)
            {
                failed[samples.Client[i]]++;
            }
        }

        return failed;
    }
}
