using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model;

/// <summary>
/// Client data across a cut (docs/sources.md §11.17): Linux retransmits the oldest unacknowledged segment at each RTO
/// expiry, the RTO starting at TCP_RTO_MIN 200 ms (A51) and doubling up to TCP_RTO_MAX 120 s, and fails the socket at
/// the expiry past tcp_retries2 = 15's budget, 924.6 s (§11.14). Expiries after the first send: 0.2, 0.6, 1.4, 3.0,
/// 6.2, 12.6, 25.4, 51.0, 102.2, 204.6, 324.6, ... 804.6, then 924.6 s gives up.
/// </summary>
public class TcpRetransmissionAcrossCutsTests
{
    private sealed class Probe(SimNetwork network, string name, int az) : Member(network, name, az)
    {
        public List<(long At, int Seq)> Received { get; } = [];

        public void SendTo(Probe other, int seq, bool clientData = true) =>
            Send(other.Id, clientData ? new ClientData(seq) : new ControlData(seq));

        public void PowerOff() => SetHost(HostState.PoweredOff);

        public void PowerOn() => SetHost(HostState.Up);

        protected internal override void Receive(Message message) =>
            Received.Add((Sim.Now.Nanoseconds, message is ClientData d ? d.Seq : ((ControlData)message).Seq));
    }

    private sealed class ClientData(int seq) : Message
    {
        public int Seq { get; } = seq;

        public override TrafficKind Traffic => TrafficKind.Client;
    }

    private sealed class ControlData(int seq) : Message
    {
        public int Seq { get; } = seq;
    }

    // Same AZ: one-way delays ~0.22 ms, far below the 1 ms bounds used here.
    private static (Simulation Sim, SimNetwork Net, Probe A, Probe B) World(bool retransmitAtHeal = false)
    {
        var sim = new Simulation(7);
        var net = new SimNetwork(sim, NetworkSpec.Default with { RetransmitAtHeal = retransmitAtHeal }, ["az-a"], "test");
        return (sim, net, new Probe(net, "a", 0), new Probe(net, "b", 0));
    }

    private static SimTime Ms(long milliseconds) => SimTime.FromStart(SimDuration.FromMilliseconds(milliseconds));

    private static double Seconds(long nanoseconds) => nanoseconds / 1e9;

    [Fact]
    public void Retransmission_WriteSentPointOneSecondIntoATwoSecondCut_ArrivesAtTheFirstExpiryAfterTheHeal()
    {
        // Cut 0-2 s, sent at 0.1 s: expiries at 0.1 + 0.2, + 0.6, + 1.4 (all in the cut), + 3.0 = 3.1 s (0.2 + 0.4 +
        // 0.8 + 1.6), the first after the heal; it then takes the link's delay.
        var (sim, net, a, b) = World();
        net.Cut(a.Id, b.Id);
        sim.RunUntil(Ms(100));
        a.SendTo(b, 1);
        sim.RunUntil(Ms(2_000));
        net.Heal(a.Id, b.Id);
        sim.RunUntil(Ms(3_099));
        Assert.Empty(b.Received);
        sim.RunUntil(Ms(3_101));
        Assert.Equal(1, Assert.Single(b.Received).Seq);
        Assert.InRange(Seconds(b.Received[0].At), 3.1, 3.101);
    }

    [Fact]
    public void RetransmitAtHeal_CalibrationTestBed_TheProxyForwardsWhatTheCutHeldAtTheHeal()
    {
        // The calibration's proxies hold a cut's bytes and forward them when it heals (Calibration/README.md).
        var (sim, net, a, b) = World(retransmitAtHeal: true);
        net.Cut(a.Id, b.Id);
        sim.RunUntil(Ms(100));
        a.SendTo(b, 1);
        sim.RunUntil(Ms(2_000));
        net.Heal(a.Id, b.Id);
        sim.RunUntil(Ms(2_001));
        Assert.InRange(Seconds(Assert.Single(b.Received).At), 2.0, 2.001);
    }

    [Fact]
    public void Retransmission_LaterWritesAndWritesAfterTheHeal_WaitBehindTheOldestAndArriveInOrder()
    {
        // The clock runs from the oldest unacknowledged send (0.5 s): expiries 0.7, 1.1, 1.9, 3.5, 6.7 s; heal at 4 s, so
        // everything goes at 6.7 s, including a write sent at 5 s after the heal (cwnd one segment after an RTO).
        var (sim, net, a, b) = World();
        net.Cut(a.Id, b.Id);
        sim.RunUntil(Ms(500));
        a.SendTo(b, 1);
        sim.RunUntil(Ms(3_000));
        a.SendTo(b, 2);
        sim.RunUntil(Ms(4_000));
        net.Heal(a.Id, b.Id);
        sim.RunUntil(Ms(5_000));
        a.SendTo(b, 3);
        sim.RunUntil(Ms(6_699));
        Assert.Empty(b.Received);
        sim.RunUntil(Ms(6_702));
        Assert.Equal([1, 2, 3], b.Received.Select(r => r.Seq));
        Assert.All(b.Received, r => Assert.InRange(Seconds(r.At), 6.7, 6.702));
    }

    [Fact]
    public void OpenConnection_AfterTheHeal_NewDataGoesAtOnceAndTheOldConnectionsOnItsOwnClock()
    {
        // Sent at 0 into a cut healed at 4 s: its expiry is 6.2 s. A new connection at 4.5 s does not wait behind it (A62).
        var (sim, net, a, b) = World();
        net.Cut(a.Id, b.Id);
        a.SendTo(b, 1);
        sim.RunUntil(Ms(4_000));
        net.Heal(a.Id, b.Id);
        sim.RunUntil(Ms(4_500));
        net.OpenConnection(a.Id, b.Id);
        a.SendTo(b, 2);
        sim.RunUntil(Ms(4_501));
        Assert.Equal(2, Assert.Single(b.Received).Seq);
        sim.RunUntil(Ms(6_201));
        Assert.Equal([2, 1], b.Received.Select(r => r.Seq));
        Assert.InRange(Seconds(b.Received[1].At), 6.2, 6.201);
    }

    [Fact]
    public void Retransmission_MessageInFlightWhenTheCutBegins_IsRetransmittedFromItsSend()
    {
        // Sent at 0, cut at once (before its ~0.22 ms arrival), healed at 1 s: expiries 0.2, 0.6, 1.4 s.
        var (sim, net, a, b) = World();
        a.SendTo(b, 1);
        net.Cut(a.Id, b.Id);
        sim.RunUntil(Ms(1_000));
        net.Heal(a.Id, b.Id);
        sim.RunUntil(Ms(1_399));
        Assert.Empty(b.Received);
        sim.RunUntil(Ms(1_401));
        Assert.InRange(Seconds(Assert.Single(b.Received).At), 1.4, 1.401);
    }

    [Fact]
    public void Retransmission_CutAgainBeforeTheExpiry_TheBackoffCarriesOnToTheNextHeal()
    {
        // Sent at 0 into a cut; healed at 0.3 s, cut again at 0.5 s (before the 0.6 s expiry), healed at 2 s: the
        // expiries go on from the same send, 1.4 (cut) then 3.0 s.
        var (sim, net, a, b) = World();
        net.Cut(a.Id, b.Id);
        a.SendTo(b, 1);
        sim.RunUntil(Ms(300));
        net.Heal(a.Id, b.Id);
        sim.RunUntil(Ms(500));
        net.Cut(a.Id, b.Id);
        sim.RunUntil(Ms(2_000));
        net.Heal(a.Id, b.Id);
        sim.RunUntil(Ms(2_999));
        Assert.Empty(b.Received);
        sim.RunUntil(Ms(3_001));
        Assert.InRange(Seconds(Assert.Single(b.Received).At), 3.0, 3.001);
    }

    [Fact]
    public void Retransmission_HealAfterTheSocketGaveUp_NothingArrives()
    {
        // The last retransmission is at 804.6 s; the next expiry, 924.6 s, fails the socket (tcp_retries2 = 15): a heal at
        // 900 s finds nothing left to retransmit.
        var (sim, net, a, b) = World();
        net.Cut(a.Id, b.Id);
        a.SendTo(b, 1);
        sim.RunUntil(Ms(900_000));
        net.Heal(a.Id, b.Id);
        sim.Run();
        Assert.Empty(b.Received);

        // Healed at 800 s, the 804.6 s expiry still retransmits.
        var (sim2, net2, a2, b2) = World();
        net2.Cut(a2.Id, b2.Id);
        a2.SendTo(b2, 1);
        sim2.RunUntil(Ms(800_000));
        net2.Heal(a2.Id, b2.Id);
        sim2.Run();
        Assert.InRange(Seconds(Assert.Single(b2.Received).At), 804.6, 804.601);
    }

    [Fact]
    public void Cut_ControlTrafficSentIntoTheCut_IsStillDropped()
    {
        // A35: only client commands and replies are retransmitted; Sentinel and replication traffic is dropped.
        var (sim, net, a, b) = World();
        net.Cut(a.Id, b.Id);
        a.SendTo(b, 1, clientData: false);
        sim.RunUntil(Ms(100));
        net.Heal(a.Id, b.Id);
        sim.Run();
        Assert.Empty(b.Received);
        Assert.Equal(1, net.MessagesDropped);
    }

    [Fact]
    public void Retransmission_ReceiverLostPowerDuringTheCut_TheOldConnectionsDataIsDropped()
    {
        // The receiver's host went down and came back during the cut: its kernel knows no connection from before.
        var (sim, net, a, b) = World();
        net.Cut(a.Id, b.Id);
        a.SendTo(b, 1);
        sim.RunUntil(Ms(500));
        b.PowerOff();
        b.PowerOn();
        net.Heal(a.Id, b.Id);
        sim.Run();
        Assert.Empty(b.Received);
    }

    [Fact]
    public void TryNextRetransmission_Schedule_DoublesFromTwoHundredMillisecondsAndGivesUpAtTheBudget()
    {
        static double Next(double elapsedS) =>
            TcpRetransmission.TryNextRetransmission(SimDuration.FromSecondsRounded(elapsedS), TcpRetransmission.RtoMin, out var at)
                ? at.TotalSeconds
                : -1;

        Assert.Equal(0.2, Next(0), 9);
        Assert.Equal(3.0, Next(1.9), 9);
        Assert.Equal(25.4, Next(20), 9);
        Assert.Equal(204.6, Next(102.3), 9);

        // After 102.2 s the RTO would be 204.8 s: capped at TCP_RTO_MAX 120 s.
        Assert.Equal(324.6, Next(204.7), 9);
        Assert.Equal(804.6, Next(700), 9);
        Assert.Equal(-1, Next(804.7));
    }
}
