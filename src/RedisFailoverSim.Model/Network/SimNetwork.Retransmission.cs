using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Network;

/// <summary>
/// TCP retransmission across a cut (docs/sources.md §11.17): a client command or reply sent into a cut, or lost on the
/// wire when the cut began, stays in its sender's kernel, which retransmits the oldest unacknowledged segment when
/// its RTO expires, the RTO starting at TCP_RTO_MIN (200 ms, assumption A51) and doubling up to TCP_RTO_MAX. So what
/// a link held arrives at the first expiry after the heal, counted from the oldest held message's send, followed by
/// everything queued behind it in order; at the expiry past the tcp_retries2 budget (924.6 s) the socket fails and
/// the held messages are gone. ASSUMPTION A62: what a link holds belongs to the client's current connection: data sent
/// while earlier data waits for its retransmission waits behind it (one socket after an RTO, its congestion window
/// one segment) until the client opens a new connection (<see cref="OpenConnection"/>), whose data goes at once while
/// the old connection's is still retransmitted on its own clock; data whose sender or receiver died or lost power
/// since it was sent is dropped at the retransmission (a restarted process's kernel knows no old connection), and
/// data a client's kernel holds for a connection the server closed (CLIENT KILL, close-on-slave-write) is refused.
/// </summary>
public sealed partial class SimNetwork
{
    // Per directed link: what the current connection's sender kernel holds; null until a cut holds something.
    private HeldConnection?[] _held = [];

    // Connections their client replaced while they held data: still retransmitted, on their own clock.
    private readonly List<HeldConnection> _detached = [];

    /// <summary>Messages held for retransmission on cut links so far (each counted once).</summary>
    public long MessagesHeld { get; private set; }

    /// <summary>
    /// A client opens a new connection to <paramref name="to"/> (A62): data the old connection still holds, either
    /// way, keeps its own retransmission clock, and the new connection's data no longer waits behind it.
    /// </summary>
    public void OpenConnection(MemberId from, MemberId to)
    {
        Detach(Index(from, to));
        Detach(Index(to, from));
    }

    private void ResizeHeld(int links) => Array.Resize(ref _held, links);

    private bool HoldsAny(int link) => _held[link] is { Messages.Count: > 0 };

    private void Detach(int link)
    {
        if (_held[link] is { Messages.Count: > 0 } held)
        {
            held.Detached = true;
            _detached.Add(held);
            _held[link] = null;
        }
    }

    /// <summary>The sender's kernel keeps the message, in send order, until the link carries a retransmission.</summary>
    private void Hold(int link, Message message)
    {
        var held = _held[link] ??= new HeldConnection(link);
        var messages = held.Messages;
        if (messages.Count == 0 || message.LeftAt < messages[0].LeftAt)
        {
            // The retransmission clock runs from the oldest unacknowledged send; the socket gives up 924.6 s after it.
            held.Generation++;
            held.Scheduled = false;
            var giveUp = TcpRetransmission.GiveUpAfter(TcpRetransmission.RtoMin);
            Simulation.ScheduleAt(new SimTime(message.LeftAt + giveUp.Nanoseconds), this, held.Generation, held.GiveUpTimer);
        }

        // A message lost on the wire was sent before those held at their send: keep send order (FIFO).
        int at = messages.Count;
        while (at > 0 && messages[at - 1].LeftAt > message.LeftAt)
        {
            at--;
        }

        messages.Insert(at, message);
        MessagesHeld++;
        if (_cutCount[link] == 0 && !held.Scheduled)
        {
            ScheduleRetransmission(held);
        }
    }

    /// <summary>A link carries again: what it held goes at the next RTO expiry (none if the socket gives up first).</summary>
    private void ScheduleRetransmissions(int link)
    {
        if (_held[link] is { Messages.Count: > 0, Scheduled: false } held)
        {
            ScheduleRetransmission(held);
        }

        for (int i = 0; i < _detached.Count; i++)
        {
            if (_detached[i] is { Scheduled: false } d && d.Link == link)
            {
                ScheduleRetransmission(d);
            }
        }
    }

    private void ScheduleRetransmission(HeldConnection held)
    {
        long since = held.Messages[0].LeftAt;
        var elapsed = SimDuration.FromNanoseconds(Math.Max(0, Simulation.Now.Nanoseconds - since));
        if (_spec.RetransmitAtHeal && elapsed < TcpRetransmission.GiveUpAfter(TcpRetransmission.RtoMin))
        {
            // The calibration's proxies hold a cut's bytes and forward them at the heal.
            held.Scheduled = true;
            Simulation.ScheduleAt(Simulation.Now, this, held.Generation, held.RetransmitTimer);
        }
        else if (TcpRetransmission.TryNextRetransmission(elapsed, TcpRetransmission.RtoMin, out var at))
        {
            held.Scheduled = true;
            Simulation.ScheduleAt(new SimTime(since + at.Nanoseconds), this, held.Generation, held.RetransmitTimer);
        }
    }

    private void OnHeldTimer(HeldTimer timer, long generation)
    {
        var held = timer.Connection;
        if (generation != held.Generation || held.Messages.Count == 0)
        {
            return;
        }

        if (!timer.Retransmit)
        {
            Discard(held);
            return;
        }

        held.Scheduled = false;
        if (_cutCount[held.Link] > 0)
        {
            // Cut again before the expiry: the next heal schedules the next one, the backoff carrying on.
            return;
        }

        var messages = held.Messages;
        for (int i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var sender = _members[message.From.Value];
            var receiver = _members[message.To.Value];
            if (sender.Incarnation != message.FromIncarnation || receiver.Incarnation != message.ToIncarnation)
            {
                MessagesDropped++;
                continue;
            }

            Transmit(held.Link, sender.AzIndex, receiver.AzIndex, message, 0);
        }

        Forget(held);
    }

    /// <summary>The server closed its client connections to the sender of <paramref name="link"/>: what they hold is refused.</summary>
    private void DiscardHeld(int link)
    {
        if (_held[link] is { Messages.Count: > 0 } held)
        {
            Discard(held);
        }

        for (int i = _detached.Count - 1; i >= 0; i--)
        {
            if (_detached[i].Link == link)
            {
                Discard(_detached[i]);
            }
        }
    }

    /// <summary>The connection is gone (the socket gave up, or its peer closed it): what it held is lost.</summary>
    private void Discard(HeldConnection held)
    {
        MessagesDropped += held.Messages.Count;
        Forget(held);
    }

    private void Forget(HeldConnection held)
    {
        held.Messages.Clear();
        held.Generation++;
        held.Scheduled = false;
        if (held.Detached)
        {
            _detached.Remove(held);
        }
    }

    /// <summary>One connection's data its sender's kernel holds on a directed link, with its timers.</summary>
    private sealed class HeldConnection
    {
        public HeldConnection(int link)
        {
            Link = link;
            RetransmitTimer = new HeldTimer(this, true);
            GiveUpTimer = new HeldTimer(this, false);
        }

        public int Link { get; }

        public List<Message> Messages { get; } = [];

        public HeldTimer RetransmitTimer { get; }

        public HeldTimer GiveUpTimer { get; }

        /// <summary>Bumped whenever the clock restarts or the data goes, so that older timers do nothing.</summary>
        public long Generation { get; set; }

        public bool Scheduled { get; set; }

        public bool Detached { get; set; }
    }

    /// <summary>A timer of a held connection: its next retransmission, or its give-up.</summary>
    private sealed record HeldTimer(HeldConnection Connection, bool Retransmit);
}
