using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Prices;
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
        // A relative claim ("< 0.6x memorydb") needs the other path's run too; a cost claim, the month priced.
        var needed = claimed.Concat(scenario.Expectations.Where(e => claimed.Contains(e.Path)).Select(e => e.RelativeTo))
            .OfType<string>().Distinct().Where(p => DeploymentPaths.Available.Contains(p)).ToList();
        var results = needed.Select(p => DeploymentPaths.Run(p, scenario.World, seed, new RunOptions(KeepSamples: false))).ToList();
        var costs = scenario.Month is { } month ? CostModel.For(results, scenario.World, month, PriceLoader.Bundled(), scenario.Decide) : null;
        var values = CostClaims.Values(results, costs);
        var failures = new List<string>();
        foreach (var claim in scenario.Expectations.Where(e => claimed.Contains(e.Path)))
        {
            if (claim.RelativeTo is { } other && values.Result(other) is null)
            {
                continue; // The other path is not available on this machine.
            }

            var verdict = claim.Evaluate(values.Result(claim.Path)!, values);
            if (!verdict.Held)
            {
                failures.Add($"{file}:{claim.Line}: {verdict.Explanation}");
            }
        }

        Assert.Empty(failures);
    }
}
