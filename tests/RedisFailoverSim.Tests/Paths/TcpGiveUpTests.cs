using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// Linux's retransmission limit (docs/sources.md §11.14): with tcp_retries2 = 15 a socket whose peer stopped
/// acknowledging fails after tcp_model_timeout(15, TCP_RTO_MIN) = (2^10 - 1) x 0.2 s + (15 - 9) x 120 s = 924.6 s.
/// </summary>
public class TcpGiveUpTests
{
    [Fact]
    public void Budget_Retries2Fifteen_Is924Point6Seconds()
    {
        // ilog2(120 s / 200 ms) = 9 doublings, then 6 retransmissions at TCP_RTO_MAX.
        Assert.Equal(SimDuration.FromMilliseconds((1023 * 200) + (6 * 120_000)), TcpRetransmission.Budget(15, TcpRetransmission.RtoMin));
        Assert.Equal(SimDuration.FromMilliseconds(924_600), TcpRetransmission.GiveUpAfter(TcpRetransmission.RtoMin));

        // Within the doubling range the budget is the geometric sum: 3 retransmissions from 200 ms, 0.2+0.4+0.8+1.6 s.
        Assert.Equal(SimDuration.FromMilliseconds(3_000), TcpRetransmission.Budget(3, TcpRetransmission.RtoMin));

        // A larger RTO fails at the first expiry past the same budget: 300 ms doubling to 120 s.
        var slower = TcpRetransmission.GiveUpAfter(SimDuration.FromMilliseconds(300));
        Assert.True(slower >= SimDuration.FromMilliseconds(924_600), $"{slower}");
    }

    [Fact]
    public void RedisPy_NoSocketTimeout_LongPartition_ConnectionErrorAt924Point6SecondsAfterTheFirstWriteIntoTheCut()
    {
        // redis-py has no socket timeout (docs/sources.md §11.2) and does not follow +switch-master: c2 (az-b) keeps
        // writing to n1 (az-a) across a 1,000 s cut. Its kernel gives up 924.6 s after the first unacknowledged write.
        Assert.True(ClientLibraries.TryFind("redis-py", out var redisPy));
        const long cutAtS = 20;
        var spec = Specs.ThreeNodes([Specs.SplitAzA(cutAtS, 1_000)], rate: 3, durationS: 1_100) with { Client = redisPy.Settings };
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 11, new RunOptions(KeepSamples: true));

        var samples = result.Samples!;
        double firstIntoCut = Enumerable.Range(0, samples.Count)
            .Where(i => samples.Client[i] == 1 && samples.IntendedStartSeconds[i] >= cutAtS)
            .Min(i => samples.IntendedStartSeconds[i]);
        var drop = result.Events.Single(e => e.Source == "c2" && e.Text.Contains("no TCP acknowledgement", StringComparison.Ordinal));
        Assert.Equal(firstIntoCut + 924.6, drop.Seconds, 6);
        Assert.StartsWith("c2 dropped its connection to n1", drop.Text, StringComparison.Ordinal);

        // Then it asks the Sentinels and writes to the promoted replica.
        Assert.Contains(result.Events, e => e.Source == "c2" && e.Seconds >= drop.Seconds && e.Text.StartsWith("c2 connected to", StringComparison.Ordinal)
            && !e.Text.EndsWith("n1", StringComparison.Ordinal));
    }
}
