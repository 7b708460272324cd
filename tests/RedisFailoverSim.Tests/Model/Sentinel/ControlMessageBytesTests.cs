using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Sentinel;

namespace RedisFailoverSim.Tests.Model.Sentinel;

/// <summary>
/// Control messages' wire sizes (A101), pinned to what Redis sends (docs/sources.md §15.9): a Sentinel hello as an
/// strace of sentinelSendHello shows it, the cluster bus as cluster_legacy.h lays its structs out.
/// </summary>
public sealed class ControlMessageBytesTests
{
    [Fact]
    public void SentinelHello_AtEpochZero_Is133BytesAsSentinelSendsIt()
    {
        // "*3\r\n$7\r\nPUBLISH\r\n$18\r\n__sentinel__:hello\r\n$84\r\n127.0.0.1,26379,<40 hex>,0,mymaster,127.0.0.1,6379,0\r\n"
        // was sendto(..., 133): 9-character addresses, as A101 takes them.
        Assert.Equal(133, new SentinelHello("s1", new MemberId(0), masterConfigEpoch: 0, currentEpoch: 0).WireBytes);

        // Each digit an epoch gains adds a byte to the payload (84 -> 85 here, still two length digits).
        Assert.Equal(134, new SentinelHello("s1", new MemberId(0), masterConfigEpoch: 12, currentEpoch: 3).WireBytes);
    }

    [Fact]
    public void IsMasterDown_RequestAndReply_AreTheirRespFrames()
    {
        // *6 SENTINEL is-master-down-by-addr 10.0.1.23 6379 7 <runid>: 4 + 14 + 29 + 15 + 10 + 7 + 47.
        Assert.Equal(126, new IsMasterDownRequest(new MemberId(0), currentEpoch: 7, candidate: "s1").WireBytes);
        Assert.Equal(126 - 47 + 7, new IsMasterDownRequest(new MemberId(0), currentEpoch: 7, candidate: null).WireBytes);

        // *3 :1 <leader runid> :7 = 4 + 4 + 47 + 4.
        Assert.Equal(59, new IsMasterDownReply(new MemberId(0), down: true, leader: "s1", leaderEpoch: 7).WireBytes);
    }

    [Fact]
    public void ClusterBus_HeaderGossipAndExtension_AsClusterLegacyHLaysThemOut()
    {
        // offsetof(clusterMsg, data) == 2256; sizeof(clusterMsgDataGossip) = 40 + 4 + 4 + 46 + 5 x 2 = 104; the
        // shard-id extension is an 8-byte clusterMsgPingExt header and 40 bytes.
        var ping = new ClusterPing { IsPong = false, Gossip = [new(1, PeerFlags.None, 0), new(2, PeerFlags.None, 0), new(3, PeerFlags.None, 0)] };
        Assert.Equal(2256 + (3 * 104) + 48, ping.WireBytes);
        Assert.Equal(2256 + 40, new ClusterFail { Failing = 1 }.WireBytes);
        Assert.Equal(2256 + 8 + 40 + 2048, new ClusterUpdate { Shard = 0, Owner = 1, OwnerEpoch = 2 }.WireBytes);
        Assert.Equal(2256, new FailoverAuthAck().WireBytes);
        Assert.Equal(TrafficKind.Control, ping.Traffic);
    }
}
