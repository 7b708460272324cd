using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>Every bundled scenario's <c>expect:</c> claims hold on every available path they name.</summary>
public class BundledScenarioClaimTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "scenarios"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void BundledScenario_ClaimsOnAvailablePaths_AllHold(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", file));
        ulong seed = scenario.DefaultSeed ?? 42;
        var claimed = scenario.Expectations.Select(e => e.Path).Distinct().Where(p => DeploymentPaths.Available.Contains(p)).ToList();
        var failures = new List<string>();
        foreach (var path in claimed)
        {
            var result = DeploymentPaths.Run(path, scenario.World, seed, new RunOptions(KeepSamples: false));
            foreach (var claim in scenario.Expectations.Where(e => e.Path == path))
            {
                var verdict = claim.Evaluate(result);
                if (!verdict.Held)
                {
                    failures.Add($"{file}:{claim.Line}: {verdict.Explanation}");
                }
            }
        }

        Assert.Empty(failures);
    }
}
