using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Tests.Model.Redis;

/// <summary>
/// The node's one thread (docs/sources.md §13): each write costs its measured service time (§13.2), waits for the
/// commands before it, and its reply leaves when it is done; PING waits behind queued writes (A106); a fork stops the
/// thread (§13.4). Links here have a fixed 100 µs one-way delay (sigma 0), so every latency is exact.
/// </summary>
public class EventLoopTests
{
    private const long OneWay = 100_000;

    private sealed class Probe(SimNetwork network) : Member(network, "probe", 0)
    {
        public List<(long At, Message Reply)> Replies { get; } = [];

        public void Write(MemberId to, long writeId, int bytes) => Send(to, new WriteRequest(writeId, bytes));

        public void Ping(MemberId to) => Send(to, new PingCommand());

        protected internal override void Receive(Message message) => Replies.Add((Sim.Now.Nanoseconds, message));
    }

    private static (SimWorld World, RedisNode Primary, Probe Probe) World(int replicas)
    {
        var nodes = new List<NodeSpec> { new("n1", "az-a", true) };
        for (int i = 0; i < replicas; i++)
        {
            nodes.Add(new NodeSpec("n" + (i + 2), "az-a", false));
        }

        var spec = Specs.ThreeNodes() with
        {
            Nodes = nodes,
            Sentinels = [],
            Clients = [],
            Network = new NetworkSpec(SimDuration.FromMicroseconds(100), 0, SimDuration.FromMicroseconds(100), 0),
        };
        var world = new SimWorld(spec, 7, "test");
        PathAssembly.AddNodes(world, _ => RedisNodeOptions.OpenSource);
        var probe = new Probe(world.Network);
        var primary = PathAssembly.InitialPrimary(world);
        PathAssembly.BootReplication(world, primary);

        // Let the replicas finish their partial resync before the first write.
        world.Simulation.RunUntil(SimTime.FromStart(SimDuration.FromSeconds(1)));
        Assert.Equal(replicas, primary.OnlineReplicaCount);
        return (world, primary, probe);
    }

    private static long Issue(SimWorld world) => world.Ledger.Issue(0, world.Simulation.Now);

    private static long RunAndLatency(SimWorld world, Probe probe, int reply)
    {
        long sentAt = world.Simulation.Now.Nanoseconds;
        world.Simulation.RunUntil(world.Simulation.Now + SimDuration.FromMilliseconds(50));
        return probe.Replies[reply].At - sentAt;
    }

    [Fact]
    public void Write_IdlePrimaryWithTwoReplicas_ReplyLeavesAfterTheMeasuredServiceTime()
    {
        var (world, primary, probe) = World(replicas: 2);
        probe.Write(primary.Id, Issue(world), bytes: 140);

        long latency = RunAndLatency(world, probe, 0);

        // 100 B value + 40 B (A2): 12 µs + 140/1024 µs + 2 × (1.3 µs + 0.55 µs × 140/1024), docs/sources.md §13.2.
        Assert.Equal(12_000 + 136 + (2 * (1_300 + 75)), EventLoopCosts.Write(140, 2));
        Assert.Equal((2 * OneWay) + EventLoopCosts.Write(140, 2), latency);
        Assert.Equal(ReplyKind.Ok, Assert.IsType<WriteReply>(probe.Replies[0].Reply).Kind);
    }

    [Fact]
    public void Write_ThreeArrivingTogether_EachWaitsForTheOnesBefore()
    {
        var (world, primary, probe) = World(replicas: 0);
        long sentAt = world.Simulation.Now.Nanoseconds;
        for (int i = 0; i < 3; i++)
        {
            probe.Write(primary.Id, Issue(world), bytes: 140);
        }

        world.Simulation.RunUntil(world.Simulation.Now + SimDuration.FromMilliseconds(50));

        // The link is FIFO (the 2nd and 3rd arrive 1 and 2 ns after the 1st); the thread serves them one after another.
        long service = EventLoopCosts.Write(140, 0);
        Assert.Equal(
            [(2 * OneWay) + service, (2 * OneWay) + (2 * service), (2 * OneWay) + (3 * service)],
            probe.Replies.Select(r => r.At - sentAt).ToArray());
    }

    [Fact]
    public void Write_HundredKilobyteValue_CostsAboutTheMeasuredHundredMicroseconds()
    {
        var (world, primary, probe) = World(replicas: 0);
        probe.Write(primary.Id, Issue(world), bytes: 100_040);

        long latency = RunAndLatency(world, probe, 0);

        // §13.2: SET 100 000 B measured 109 µs of server CPU; the linear model gives 12 + 97.7 µs.
        Assert.Equal((2 * OneWay) + 109_695, latency);
    }

    [Fact]
    public void Ping_RightBehindAWrite_WaitsForItButCostsNothing()
    {
        var (world, primary, probe) = World(replicas: 0);
        long sentAt = world.Simulation.Now.Nanoseconds;
        probe.Write(primary.Id, Issue(world), bytes: 140);
        probe.Ping(primary.Id);

        world.Simulation.RunUntil(world.Simulation.Now + SimDuration.FromMilliseconds(50));

        // The PING arrives 1 ns after the write (FIFO link) and leaves when the write is done (A106); the link back is
        // FIFO too, so the PONG lands 1 ns after the write's reply.
        var pong = probe.Replies.Single(r => r.Reply is PongReply);
        var ack = probe.Replies.Single(r => r.Reply is WriteReply);
        Assert.Equal(ack.At + 1, pong.At);
        Assert.Equal((2 * OneWay) + EventLoopCosts.Write(140, 0), ack.At - sentAt);
    }

    [Fact]
    public void Fork_PerGibibyte_TenMillisecondsAsOnModernEc2()
    {
        Assert.Equal(10_000_000, EventLoopCosts.Fork(1024L * 1024 * 1024));
        Assert.Equal(976_562, EventLoopCosts.Fork(100L * 1024 * 1024));
    }
}
