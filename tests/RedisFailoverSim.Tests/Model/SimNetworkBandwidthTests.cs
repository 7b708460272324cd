using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model;

/// <summary>A node's egress bandwidth (network.node-bandwidth, assumption A160).</summary>
public class SimNetworkBandwidthTests
{
    private const long OneGbps = 1_000_000_000;

    // Sigma 0: every one-way delay is exactly its median, so arrival times are arithmetic.
    private static readonly SimDuration Delay = SimDuration.FromMicroseconds(100);

    private sealed class Host(SimNetwork network, string name, bool bounded) : Member(network, name, 0), IEventTarget
    {
        private Host? _streamTo;
        private int _streamBytes;
        private long _streamEvery;
        private int _streamLeft;

        public List<(long At, int Seq)> Received { get; } = [];

        internal override bool HasBoundedEgress => bounded;

        public void Stream(Host to, int seq, int bytes) => Send(to.Id, new Chunk(seq, bytes, TrafficKind.Replication));

        public void Reply(Host to, int seq, int bytes) => Send(to.Id, new Chunk(seq, bytes, TrafficKind.Client));

        public void PowerOff() => SetHost(HostState.PoweredOff);

        /// <summary>Sends <paramref name="count"/> stream entries of <paramref name="bytes"/>, one every <paramref name="everyNanoseconds"/>.</summary>
        public void StreamAtRate(Host to, int bytes, long everyNanoseconds, int count)
        {
            (_streamTo, _streamBytes, _streamEvery, _streamLeft) = (to, bytes, everyNanoseconds, count);
            Sim.ScheduleNow(this);
        }

        protected internal override void Receive(Message message) => Received.Add((Sim.Now.Nanoseconds, ((Chunk)message).Seq));

        void IEventTarget.Fire(long token, object? payload)
        {
            Stream(_streamTo!, _streamLeft, _streamBytes);
            if (--_streamLeft > 0)
            {
                Sim.Schedule(SimDuration.FromNanoseconds(_streamEvery), this);
            }
        }
    }

    private sealed class Chunk(int seq, int bytes, TrafficKind traffic) : Message
    {
        public int Seq { get; } = seq;

        public override TrafficKind Traffic => traffic;

        public override long WireBytes => bytes;

        public override bool ResetWhenRefused => false;
    }

    private static (Simulation Sim, SimNetwork Net, Host Primary, Host R1, Host R2) World(long bitsPerSecond, bool bounded = true)
    {
        var sim = new Simulation(7);
        var spec = new NetworkSpec(Delay, 0, Delay, 0) { NodeBandwidthBitsPerSecond = bitsPerSecond };
        var net = new SimNetwork(sim, spec, ["az-a"], "test");
        return (sim, net, new Host(net, "n1", bounded), new Host(net, "n2", bounded), new Host(net, "n3", bounded));
    }

    [Theory]
    [InlineData(125_000, OneGbps, 1_000_000)]          // 1 Mbit at 1 Gbps: 1 ms
    [InlineData(102_440, 937_000_000, 874_621)]        // a 100 KiB value + 40 B at cache.r7g.large's 0.937 Gbps: 874,621.13 ns
    [InlineData(4, 937_000_000, 34)]                   // SADD's ':1\r\n' reply: 34.15 ns
    [InlineData(0, OneGbps, 0)]
    public void SerializationNanoseconds_Bytes_AreBytesTimes8OverBandwidth(long bytes, long bitsPerSecond, long expected) =>
        Assert.Equal(expected, SimNetwork.SerializationNanoseconds(bytes, bitsPerSecond));

    [Fact]
    public void Send_OneStreamEntryOnABoundedInterface_ArrivesAfterItsSerializationPlusTheDelay()
    {
        var (sim, _, primary, r1, _) = World(OneGbps);
        primary.Stream(r1, 1, 125_000);
        sim.Run();
        Assert.Equal([(1_000_000 + Delay.Nanoseconds, 1)], r1.Received);
    }

    [Fact]
    public void Send_StreamEntriesToTwoReplicas_LeaveInFifoOrderOneAfterAnother()
    {
        var (sim, net, primary, r1, r2) = World(OneGbps);
        primary.Stream(r1, 1, 125_000);    // 1 ms
        primary.Stream(r2, 1, 125_000);    // waits behind it: leaves at 2 ms
        primary.Stream(r1, 2, 250_000);    // 2 ms more: leaves at 4 ms
        Assert.Equal(4_000_000, net.EgressBacklogNanoseconds(primary.Id));
        sim.Run();

        long d = Delay.Nanoseconds;
        Assert.Equal([(1_000_000 + d, 1), (4_000_000 + d, 2)], r1.Received);
        Assert.Equal([(2_000_000 + d, 1)], r2.Received);
    }

    [Fact]
    public void Send_ReplyBehindAStreamBacklog_GoesOutAtOnceButTakesItsBytesFromTheInterface()
    {
        var (sim, net, primary, r1, client) = World(OneGbps);
        primary.Stream(r1, 1, 125_000);    // 1 ms queued
        primary.Reply(client, 7, 125);     // 1 µs of its own; passes the stream, as a small flow passes a bulk one
        primary.Stream(r1, 2, 125);        // behind both: 1 ms + 1 µs + 1 µs
        sim.Run();

        long d = Delay.Nanoseconds;
        Assert.Equal([(1_000 + d, 7)], client.Received);
        Assert.Equal([(1_000_000 + d, 1), (1_002_000 + d, 2)], r1.Received);
        Assert.Equal(0, net.EgressBacklogNanoseconds(primary.Id));
    }

    [Fact]
    public void Send_StreamAtTwiceTheBandwidth_BacklogGrowsAtOfferedMinusBandwidth()
    {
        // 12,500 B entries (100 µs at 1 Gbps) every 50 µs: 2 Gbps offered, so the interface falls behind by 1 s a second.
        var (sim, net, primary, r1, _) = World(OneGbps);
        primary.StreamAtRate(r1, 12_500, everyNanoseconds: 50_000, count: 20_000);

        sim.RunUntil(SimTime.FromStart(SimDuration.FromMilliseconds(250)));
        long atQuarter = net.EgressBacklogNanoseconds(primary.Id);
        sim.RunUntil(SimTime.FromStart(SimDuration.FromMilliseconds(500)));
        long atHalf = net.EgressBacklogNanoseconds(primary.Id);

        // At 250 ms, 5,001 entries were sent (t = 0 … 250 ms): the interface is busy until 5,001 × 100 µs = 500.1 ms.
        Assert.Equal(250_100_000, atQuarter);
        Assert.Equal(500_100_000, atHalf);
        Assert.Equal(250_000_000, atHalf - atQuarter);    // (2 Gbps - 1 Gbps) / 1 Gbps x 250 ms
        sim.Run();

        // The last entry, sent at 999.95 ms, leaves when all 20,000 have: at 2 s.
        Assert.Equal(20_000, r1.Received.Count);
        Assert.Equal(2_000_000_000 + Delay.Nanoseconds, r1.Received[^1].At);
    }

    [Fact]
    public void PowerOff_WithAStreamBacklog_WhatTheInterfaceHadNotSentIsLost()
    {
        var (sim, net, primary, r1, _) = World(OneGbps);
        for (int i = 1; i <= 4; i++)
        {
            primary.Stream(r1, i, 125_000);    // leave at 1, 2, 3, 4 ms
        }

        sim.RunUntil(SimTime.FromStart(SimDuration.FromMicroseconds(2_500)));
        primary.PowerOff();
        sim.Run();

        // Entries 1 and 2 had left (the second is on the wire at the power loss); 3 and 4 were still queued.
        Assert.Equal([1, 2], r1.Received.Select(r => r.Seq));
        Assert.Equal(2, net.MessagesDropped);
    }

    [Fact]
    public void Send_UnboundedMemberOrNoBandwidthSet_LeavesAtOnce()
    {
        var (sim, _, primary, r1, _) = World(OneGbps, bounded: false);
        primary.Stream(r1, 1, 125_000);
        var (sim2, _, primary2, r12, _) = World(0);
        primary2.Stream(r12, 1, 125_000);
        sim.Run();
        sim2.Run();

        Assert.Equal([(Delay.Nanoseconds, 1)], r1.Received);
        Assert.Equal([(Delay.Nanoseconds, 1)], r12.Received);
    }
}
