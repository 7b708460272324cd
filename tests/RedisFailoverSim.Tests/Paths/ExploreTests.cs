using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;
using Xunit.Abstractions;

namespace RedisFailoverSim.Tests.Paths;

public class ExploreTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore_PrimaryCrash()
    {
        var r = DeploymentPaths.Run(DeploymentPaths.SelfHosted, Specs.ThreeNodes([Specs.CrashPrimary(20)]), 1, RunOptions.Default);
        foreach (var e in r.Events)
        {
            output.WriteLine($"t={e.Seconds:0.000} {e.Source} {e.Text}");
        }

        output.WriteLine(r.Writes.ToString());
        output.WriteLine(r.Failover?.ToString());
        output.WriteLine(r.Latency.ToString());
        output.WriteLine($"converged {r.Converged} end {r.EndSeconds}");
        Assert.NotNull(r.Failover);
    }

    [Fact]
    public void Explore_SplitBrain()
    {
        var r = DeploymentPaths.Run(DeploymentPaths.SelfHosted, Specs.Jepsen([Specs.SplitAzA(15, 90)]), 1, RunOptions.Default);
        foreach (var e in r.Events.Where(e => e.Source != "c1" || true))
        {
            output.WriteLine($"t={e.Seconds:0.000} {e.Source} {e.Text}");
        }

        output.WriteLine(r.Writes.ToString());
        output.WriteLine(r.Failover?.ToString());
        output.WriteLine($"split brain {r.SplitBrainSeconds} lost-in-sb {r.SplitBrainAcknowledgedLost} converged {r.Converged} end {r.EndSeconds}");
        Assert.NotNull(r.Failover);
    }
}
