using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Tests.Model.Redis;

/// <summary>
/// WAIT and WAITAOF at the primary, pinned to replication.c and Redis's own tests/unit/wait.tcl (docs/sources.md
/// §16.4): the reply comes when enough replica ACKs reach the client's offset (GETACK asks for them at once), or at
/// the timeout with the count reached so far; timeout 0 blocks for ever; a blocked client's next command waits; a
/// replica refuses WAIT; a demotion unblocks with -UNBLOCKED. Links have a fixed 100 µs one-way delay.
/// </summary>
public class WaitCommandTests
{
    private const long OneWay = 100_000;

    private sealed class Probe(SimNetwork network) : Member(network, "probe", 0)
    {
        private long _waits;

        public List<(long At, Message Reply)> Replies { get; } = [];

        public void Write(MemberId to, long writeId) => Send(to, new WriteRequest(writeId, 140));

        public void Wait(MemberId to, int replicas, long timeoutMs) =>
            Send(to, new WaitRequest(++_waits, replicas, SimDuration.FromMilliseconds(timeoutMs)));

        public void WaitAof(MemberId to, int local, int replicas, long timeoutMs) =>
            Send(to, new WaitRequest(++_waits, replicas, SimDuration.FromMilliseconds(timeoutMs)) { Aof = true, NumLocal = local });

        public void Demote(MemberId primary, MemberId newMaster) => Send(primary, new ReplicaOfCommand(newMaster));

        public (long At, WaitReply Reply) WaitReply(int index = 0)
        {
            var waits = Replies.Where(r => r.Reply is WaitReply).ToList();
            return (waits[index].At, (WaitReply)waits[index].Reply);
        }

        protected internal override void Receive(Message message) => Replies.Add((Sim.Now.Nanoseconds, message));
    }

    private static (SimWorld World, RedisNode Primary, Probe Probe) World(int replicas, PersistenceSettings? disk = null)
    {
        var nodes = new List<NodeSpec> { new("n1", "az-a", true) };
        for (int i = 0; i < replicas; i++)
        {
            nodes.Add(new NodeSpec("n" + (i + 2), "az-a", false));
        }

        var spec = RedisFailoverSim.Tests.Model.Specs.ThreeNodes(redis: RedisSettings.Default with { Persistence = disk ?? PersistenceSettings.Off }) with
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
        world.Simulation.RunUntil(SimTime.FromStart(SimDuration.FromMilliseconds(1_500)));
        Assert.Equal(replicas, primary.OnlineReplicaCount);
        return (world, primary, probe);
    }

    private static long Issue(SimWorld world) => world.Ledger.Issue(0, world.Simulation.Now);

    private static void RunFor(SimWorld world, long milliseconds) =>
        world.Simulation.RunUntil(world.Simulation.Now + SimDuration.FromMilliseconds(milliseconds));

    [Fact]
    public void Wait_OneReplicaAsked_AnswersAfterTheGetAckRoundTripNotTheOnceASecondAck()
    {
        var (world, primary, probe) = World(replicas: 1);
        long sentAt = world.Simulation.Now.Nanoseconds;
        probe.Write(primary.Id, Issue(world));
        probe.Wait(primary.Id, replicas: 1, timeoutMs: 5_000);
        RunFor(world, 100);

        // In: 100 µs; the write, then WAIT on the thread (12 µs); GETACK out and the ACK back (2 x 100 µs); reply 100 µs.
        var (at, reply) = probe.WaitReply();
        Assert.Null(reply.Error);
        Assert.Equal(1, reply.Replicas);
        long expected = (4 * OneWay) + EventLoopCosts.Write(140, 1) + EventLoopCosts.Refused();
        Assert.InRange(at - sentAt, expected, expected + 10);
    }

    [Fact]
    public void Wait_MoreReplicasThanOnline_AnswersTheCountReachedAtTheTimeout()
    {
        var (world, primary, probe) = World(replicas: 1);
        long sentAt = world.Simulation.Now.Nanoseconds;
        probe.Write(primary.Id, Issue(world));
        probe.Wait(primary.Id, replicas: 2, timeoutMs: 50);
        RunFor(world, 200);

        // wait.tcl "WAIT should not acknowledge 2 additional copies of the data": the count reached, 1, at the timeout.
        var (at, reply) = probe.WaitReply();
        Assert.Equal(1, reply.Replicas);
        long expected = (2 * OneWay) + EventLoopCosts.Write(140, 1) + EventLoopCosts.Refused() + 50_000_000;
        Assert.InRange(at - sentAt, expected, expected + 10);
    }

    [Fact]
    public void Wait_TimeoutZeroWithTheReplicaPaused_BlocksUntilTheReplicaAcknowledges()
    {
        var (world, primary, probe) = World(replicas: 1);
        var replica = world.Nodes[1];
        replica.Pause();
        probe.Write(primary.Id, Issue(world));
        probe.Wait(primary.Id, replicas: 1, timeoutMs: 0);
        RunFor(world, 30_000);
        Assert.DoesNotContain(probe.Replies, r => r.Reply is WaitReply);
        Assert.Equal(1, primary.BlockedWaitCount);

        // wait.tcl "WAIT should not acknowledge 1 additional copy if slave is blocked", then SIGCONT: answered.
        replica.Resume();
        long resumedAt = world.Simulation.Now.Nanoseconds;
        RunFor(world, 100);
        var (at, reply) = probe.WaitReply();
        Assert.Equal(1, reply.Replicas);
        Assert.True(at - resumedAt < 1_000_000, $"answered {at - resumedAt} ns after the resume");
    }

    [Fact]
    public void Wait_WriteSentBehindABlockedWait_IsAppliedOnlyAfterTheWaitAnswers()
    {
        var (world, primary, probe) = World(replicas: 1);
        probe.Write(primary.Id, Issue(world));
        probe.Wait(primary.Id, replicas: 2, timeoutMs: 50);
        long second = Issue(world);
        probe.Write(primary.Id, second);
        RunFor(world, 20);
        Assert.Equal(1, probe.Replies.Count(r => r.Reply is WriteReply));

        RunFor(world, 200);
        var replies = probe.Replies.Select(r => r.Reply).ToList();
        Assert.IsType<WriteReply>(replies[0]);
        Assert.IsType<WaitReply>(replies[1]);
        Assert.Equal(second, Assert.IsType<WriteReply>(replies[2]).WriteId);
    }

    [Fact]
    public void Wait_NoWriteOnTheConnection_AnswersTheOnlineReplicasAtOnce()
    {
        // c->woff is 0: every online replica acknowledged at least that.
        var (world, primary, probe) = World(replicas: 2);
        long sentAt = world.Simulation.Now.Nanoseconds;
        probe.Wait(primary.Id, replicas: 2, timeoutMs: 0);
        RunFor(world, 10);
        var (at, reply) = probe.WaitReply();
        Assert.Equal(2, reply.Replicas);
        Assert.Equal((2 * OneWay) + EventLoopCosts.Refused(), at - sentAt);
    }

    [Fact]
    public void Wait_OnAReplica_IsRefused()
    {
        var (world, _, probe) = World(replicas: 1);
        probe.Wait(world.Nodes[1].Id, replicas: 1, timeoutMs: 0);
        RunFor(world, 10);
        Assert.StartsWith("ERR WAIT cannot be used with replica instances.", probe.WaitReply().Reply.Error);
    }

    [Fact]
    public void Wait_PrimaryDemotedWhileAClientWaits_UnblocksItWithAnError()
    {
        // wait.tcl "WAITAOF on demoted master gets unblocked with an error" (disconnectAllBlockedClients).
        var (world, primary, probe) = World(replicas: 1);
        world.Nodes[1].Pause();
        probe.Write(primary.Id, Issue(world));
        probe.Wait(primary.Id, replicas: 1, timeoutMs: 0);
        RunFor(world, 100);
        probe.Demote(primary.Id, world.Nodes[1].Id);
        RunFor(world, 100);
        Assert.StartsWith("UNBLOCKED force unblock from blocking operation", probe.WaitReply().Reply.Error);
        Assert.Equal(0, primary.BlockedWaitCount);
    }

    [Fact]
    public void WaitAof_NumLocalWithoutAppendOnly_IsRefused()
    {
        var (world, primary, probe) = World(replicas: 1);
        probe.WaitAof(primary.Id, local: 1, replicas: 0, timeoutMs: 0);
        RunFor(world, 10);
        Assert.Equal("ERR WAITAOF cannot be used when numlocal is set but appendonly is disabled.", probe.WaitReply().Reply.Error);
    }

    [Fact]
    public void WaitAof_LocalUnderAppendfsyncAlways_AnswersAtOnce()
    {
        // wait.tcl "WAITAOF local copy with appendfsync always": {1 0}.
        var (world, primary, probe) = World(replicas: 1, new PersistenceSettings(true, AppendFsync.Always, []));
        probe.Write(primary.Id, Issue(world));
        probe.WaitAof(primary.Id, local: 1, replicas: 0, timeoutMs: 0);
        RunFor(world, 10);
        var reply = probe.WaitReply().Reply;
        Assert.Equal((1, 0), (reply.Local, reply.Replicas));
    }

    [Fact]
    public void WaitAof_LocalUnderAppendfsyncNo_TimesOutWithNothingFsynced()
    {
        // wait.tcl "WAITAOF local copy before fsync": appendfsync no, waitaof 1 0 50 gives {0 0}.
        var (world, primary, probe) = World(replicas: 1, new PersistenceSettings(true, AppendFsync.No, []));
        probe.Write(primary.Id, Issue(world));
        probe.WaitAof(primary.Id, local: 1, replicas: 0, timeoutMs: 50);
        RunFor(world, 200);
        var reply = probe.WaitReply().Reply;
        Assert.Equal((0, 0), (reply.Local, reply.Replicas));
    }

    [Fact]
    public void WaitAof_ReplicaEverysec_AnswersOnceTheReplicasFsyncReachesItsAck()
    {
        // The replica fsyncs on its next whole second and reports it in its next once-a-second ACK (FACK).
        var (world, primary, probe) = World(replicas: 1, new PersistenceSettings(true, AppendFsync.Everysec, []));
        long sentAt = world.Simulation.Now.Nanoseconds;
        probe.Write(primary.Id, Issue(world));
        probe.WaitAof(primary.Id, local: 0, replicas: 1, timeoutMs: 0);
        RunFor(world, 50);
        Assert.DoesNotContain(probe.Replies, r => r.Reply is WaitReply);

        RunFor(world, 2_100);
        var (at, reply) = probe.WaitReply();
        Assert.Equal(1, reply.Replicas);
        Assert.True(at >= 2 * SimDuration.NanosecondsPerSecond && at - sentAt <= 2_100_000_000, $"answered at {at} ns");
    }

    [Fact]
    public void WaitAof_ReplicaWithoutAof_NeverCounts()
    {
        // wait.tcl "WAITAOF replica isn't configured to do AOF": the replica reports no fsync offset (-1).
        var (world, primary, probe) = World(replicas: 1);
        probe.Write(primary.Id, Issue(world));
        probe.WaitAof(primary.Id, local: 0, replicas: 1, timeoutMs: 1_500);
        RunFor(world, 2_000);
        Assert.Equal(0, probe.WaitReply().Reply.Replicas);
    }
}
