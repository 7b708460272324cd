using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Proxy;
using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Tests.Calibration;

[Collection(RealRedisCollection.Name)]
public class LocalClusterTests
{
    [Fact]
    public void Cluster_ThreeNodesThreeSentinels_ClientsWriteThroughTheirTunnelsToThePrimary()
    {
        var binaries = RealRedis.Binaries();
        if (binaries is null)
        {
            return;
        }

        var spec = CalibrationSpecs.ThreeNodes([]);
        string dir = Path.Combine(Path.GetTempPath(), "rfsim-cluster-" + Environment.ProcessId + "-" + System.Diagnostics.Stopwatch.GetTimestamp());
        using var cluster = LocalCluster.Start(spec, binaries, new PortAllocator(27400), dir, CutMode.BlackHole);
        cluster.WaitReady(TimeSpan.FromSeconds(30), CancellationToken.None);
        var schedule = Enumerable.Range(0, 30).Select(i => new ScheduledWrite(i * 0.01, i % 3)).ToList();
        var ledger = new RealLedger(schedule);
        var clock = new RunClock();
        var clients = spec.Clients.Select(c => new RealWriteClient(
            c.Name, spec.Client, cluster.Sentinels.Select(s => s.FrontPort).ToList(), new ClientTunnel(cluster.TunnelMap(c.Name)), ledger, clock, 100)).ToList();
        try
        {
            foreach (var client in clients)
            {
                Assert.True(client.Connect(TextWriter.Null));
            }

            for (int i = 0; i < schedule.Count; i++)
            {
                clients[schedule[i].Client].Issue(i);
            }

            Assert.True(SpinWait.SpinUntil(() => ledger.Pending == 0, TimeSpan.FromSeconds(10)));
            Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(WriteOutcome.Ok, ledger.Outcome(i)));
            Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(cluster.Nodes[0].FrontPort, ledger.AckedByPort(i)));
            Assert.All(clients, c => Assert.Equal(0, c.Tunnel!.Unmapped));
            Assert.Equal(0, cluster.UnidentifiedConnections);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        cluster.Dispose();
        Directory.Delete(dir, recursive: true);
    }
}
