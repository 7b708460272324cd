using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// StackExchange.Redis's server selection for a command with no hash slot (<c>ServerSelectionStrategy.Select</c> →
/// <c>ConnectionMultiplexer.AnyServer</c>, docs/sources.md §11.19): every command starts at an offset one past the
/// previous command's (first one random) and takes the first server in the multiplexer's server list that is selectable
/// and a primary. With one selectable primary every write goes to it; with two (a promoted replica whose handshake reports
/// role:master while the old primary's connection is still open) the writes split by the servers' positions in the list:
/// with three servers one primary gets two offsets of three, the other one (assumption A171).
/// </summary>
public sealed partial class WriteClient
{
    // Writes routed to a primary other than the elected one (_target), in deadline order, with their node.
    private readonly Queue<OtherPrimaryWrite> _onOtherPrimary = new();
    private uint _anyStartOffset;

    /// <summary>Seeds the rotating start offset (StackExchange.Redis: <c>SharedRandom.Next()</c>, "so routing isn't uniform").</summary>
    private void SeedServerSelection() =>
        _anyStartOffset = (uint)new RandomStream(RandomStreams.DeriveSeed(Sim.Random.MasterSeed, "client.server-selection", ClientIndex)).Next();

    /// <summary>
    /// Connected to every node: sends <paramref name="writeId"/> to the primary <c>AnyServer</c> picks when that is not
    /// the elected one. False when it picks the elected one (or none), which then carries the write as before.
    /// </summary>
    private bool TrySendToOtherPrimary(long writeId)
    {
        if (!_tracking)
        {
            return false;
        }

        var picked = SelectPrimary();
        if (picked is null || picked.Node == _target)
        {
            return false;
        }

        var deadline = SentDeadline(writeId);
        _onOtherPrimary.Enqueue(new OtherPrimaryWrite(writeId, deadline, picked.Node));
        Send(picked.Node, new WriteRequest(writeId, _writeBytes) { Slot = Slot });
        ArmTimeoutTimer(deadline);
        return true;
    }

    /// <summary>
    /// <c>AnyServer</c>: from the next start offset, the first node connected, reporting role:master and not set aside as
    /// a redundant primary. ASSUMPTION A171: a node that did not answer a reconfiguration stays selectable while its
    /// connection is open (measured: a paused old primary kept its share of every second's writes until its demotion).
    /// </summary>
    private NodeConnection? SelectPrimary()
    {
        uint offset = unchecked(++_anyStartOffset);
        int count = _nodes.Length;
        for (int i = 0; i < count; i++)
        {
            var n = _nodes[(int)(unchecked((uint)i + offset) % (uint)count)];
            if (n.State == ClientConnectionState.Connected && n.ReportsPrimary && !n.RedundantPrimary)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>Writes routed to another primary whose timeout passed: unknown, counted on that node's heartbeat.</summary>
    private void ExpireOnOtherPrimaries()
    {
        while (_onOtherPrimary.Count > 0)
        {
            var write = _onOtherPrimary.Peek();
            if (!_ledger.IsPending(write.WriteId) || _awaitingRetry.Contains(write.WriteId))
            {
                _onOtherPrimary.Dequeue();
                continue;
            }

            if (write.Deadline > Sim.Now)
            {
                return;
            }

            _onOtherPrimary.Dequeue();
            _ledger.Resolve(write.WriteId, WriteOutcome.Unknown, Sim.Now);
            _lastInFlightTimeout = Sim.Now;
            if (Find(write.Node) is { } n)
            {
                n.TimedOutThisBeat++;
            }
        }
    }

    /// <summary>A node's connection closed: the writes routed to it and still unanswered become unknown.</summary>
    private void FailWritesOnOtherPrimary(MemberId node)
    {
        if (_onOtherPrimary.Count == 0)
        {
            return;
        }

        int count = _onOtherPrimary.Count;
        for (int i = 0; i < count; i++)
        {
            var write = _onOtherPrimary.Dequeue();
            if (!_ledger.IsPending(write.WriteId))
            {
                continue;
            }

            if (write.Node == node && !_awaitingRetry.Contains(write.WriteId))
            {
                _ledger.Resolve(write.WriteId, WriteOutcome.Unknown, Sim.Now);
                continue;
            }

            _onOtherPrimary.Enqueue(write);
        }
    }

    /// <summary>
    /// ASSUMPTION A39 on every node connection (StackExchange.Redis runs the heartbeat on each bridge): a node that is not
    /// the elected one is dropped when writes routed to it timed out this heartbeat and nothing was read on it for more
    /// than four command timeouts, in whole seconds.
    /// </summary>
    private void DetectDeadOtherPrimaries()
    {
        for (int i = 0; i < _nodes.Length; i++)
        {
            var n = _nodes[i];
            int timedOut = n.TimedOutThisBeat;
            n.TimedOutThisBeat = 0;
            if (n.Node != _target)
            {
                DropIfDead(n, timedOut);
            }
        }
    }

    /// <summary>A write routed to a primary other than the elected one, the instant it times out, and that primary.</summary>
    private readonly record struct OtherPrimaryWrite(long WriteId, SimTime Deadline, MemberId Node);
}
