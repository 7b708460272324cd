using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// The bytes the simulated network counts across AZs (A115) on a clean 3-AZ run: primary n1 in az-a, one replica in
/// each of az-b and az-c, one client per AZ, 50 writes/s each for 90 s of 100-byte values.
/// </summary>
public class CrossAzBytesTests
{
    private const long Writes = 3 * 50 * 90;
    private const long CommandBytes = 100 + 40;   // value + command overhead (A2)
    private const long ReplyBytes = 4;            // RESP ":1\r\n"

    [Theory]
    [InlineData(DeploymentPaths.SelfHosted)]
    [InlineData(DeploymentPaths.ElastiCache)]
    public void CleanRun_ReplicationBytes_AreWritesTimesCommandTimesRemoteReplicas(string path)
    {
        var result = DeploymentPaths.Run(path, Specs.ThreeNodes(), 3, RunOptions.Default);

        Assert.Equal(Writes, result.Writes.Attempted);
        Assert.Equal(Writes, result.Writes.Acknowledged);

        // Every write crosses to the replica in az-b and the one in az-c, at its stream bytes.
        Assert.Equal(Writes * CommandBytes * 2 / 1e9, Gb(result, "cross-az-replication-gb"), 9);

        // c2 (az-b) and c3 (az-c) send two thirds of the commands across; each comes back as a 4-byte reply.
        Assert.Equal(Writes * 2 / 3 * (CommandBytes + ReplyBytes) / 1e9, Gb(result, "cross-az-client-gb"), 9);
        Assert.Equal(0, Gb(result, "cross-az-log-gb"));
    }

    [Fact]
    public void CleanRun_MemoryDb_LogAppendsCrossToTheTwoOtherAzsLogReplicas_NoReplicationStream()
    {
        var result = DeploymentPaths.Run(DeploymentPaths.MemoryDb, Specs.ThreeNodes(), 3, RunOptions.Default);

        // The primary appends each write to az-b's and az-c's log replica; followers read their own AZ's (A115).
        // Leadership markers are 1 byte each.
        var logBytes = Gb(result, "cross-az-log-gb") * 1e9;
        Assert.InRange(logBytes, Writes * CommandBytes * 2, (Writes * CommandBytes * 2) + 10);
        Assert.Equal(0, Gb(result, "cross-az-replication-gb"));
        Assert.Equal(Writes * 2 / 3 * (CommandBytes + ReplyBytes) / 1e9, Gb(result, "cross-az-client-gb"), 9);
    }

    [Fact]
    public void CleanRun_Serverless_ClientsReachTheirOwnAzsProxy()
    {
        var result = DeploymentPaths.Run(DeploymentPaths.Serverless, Specs.ThreeNodes(), 3, RunOptions.Default);

        // No client's own command crosses; the az-b and az-c proxies forward theirs to the primary in az-a (AWS's
        // traffic, A24, which the cost model does not bill).
        Assert.Equal(Writes, result.Writes.Acknowledged);
        Assert.Equal(Writes * 2 / 3 * (CommandBytes + ReplyBytes) / 1e9, Gb(result, "cross-az-client-gb"), 9);
    }

    [Fact]
    public void Cluster_UsageHasNodeHoursOfEveryShardsNodesAndItsCrossAzBytes()
    {
        var spec = RedisFailoverSim.Scenarios.ScenarioLoader.Load(RedisFailoverSim.Tests.Scenarios.RepositoryFiles.Bundled("cluster-primary-crash.yaml")).World;

        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, RunOptions.Default);

        // 3 shards x 3 nodes billed for the whole run; each shard streams to replicas in the two other AZs (A76).
        Assert.Equal(9 * result.EndSeconds / 3600, Gb(result, "node-hours"), 6);
        Assert.True(Gb(result, "cross-az-replication-gb") > 0);
        Assert.True(Gb(result, "cross-az-client-gb") > 0);
    }

    [Fact]
    public void CleanRun_SelfHosted_ControlBytesAreTheSentinelsHellosAcrossAzs()
    {
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, Specs.ThreeNodes(), 3, RunOptions.Default);

        // s1, s2 and s3 sit in three AZs, so each hello to its two peers crosses (every 2 s, sentinel_publish_period);
        // no failover, so no is-master-down-by-addr and every hello is the 133 bytes of epoch 0 (A101).
        var controlBytes = (long)Math.Round(Gb(result, "cross-az-control-gb") * 1e9);
        Assert.Equal(0, controlBytes % 133);
        Assert.InRange(controlBytes / 133, 3 * 2 * 40, 3 * 2 * 46);
    }

    [Fact]
    public void Cluster_ControlBytes_AreTheBusAtAbout37KBASecond()
    {
        var spec = RedisFailoverSim.Scenarios.ScenarioLoader.Load(RedisFailoverSim.Tests.Scenarios.RepositoryFiles.Bundled("cluster-primary-crash.yaml")).World;

        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, RunOptions.Default);

        // Each of 9 nodes pings each peer about every node-timeout / 2 = 7.5 s and gets a PONG back: 9 x 8 / 7.5 x 2
        // messages a second of 2,256 + 3 x 104 + 48 bytes, three quarters of them between AZs (6 of 8 peers): ~37 KB/s.
        var perSecond = Gb(result, "cross-az-control-gb") * 1e9 / result.EndSeconds;
        Assert.InRange(perSecond, 25_000, 50_000);
    }

    private static double Gb(PathResult result, string key) => result.Usage.Single(u => u.Key == key).Value;
}
