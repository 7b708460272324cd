using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Tests.Engine;

public class MailboxTests
{
    private static SimDuration Seconds(long seconds) => SimDuration.FromSeconds(seconds);

    private static double Now(Simulation sim) => sim.Now.TotalSeconds;

    [Fact]
    public void Receive_SeveralWaitingReceivers_ServedInWaitingOrderWithItemsInPutOrder()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<string>(sim);
        var log = new List<string>();
        foreach (string name in new[] { "r1", "r2", "r3" })
        {
            sim.Start(name, self => Receiver(name, self));
        }

        sim.Start("sender", _ => Sender());

        sim.Run();

        Assert.Equal(["r1:a@1", "r2:b@1", "r3:c@2"], log);
        Assert.Equal(0, box.Count);

        IEnumerable<Wait> Receiver(string name, Process self)
        {
            yield return box.Receive();
            Assert.Equal(WaitResult.Completed, self.Result);
            log.Add($"{name}:{box.Take()}@{Now(sim)}");
        }

        IEnumerable<Wait> Sender()
        {
            yield return Wait.For(Seconds(1));
            box.Put("a");
            box.Put("b");
            yield return Wait.For(Seconds(1));
            box.Put("c");
        }
    }

    [Fact]
    public void Receive_ItemsAlreadyQueued_TakenInPutOrderWithoutWaiting()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<int>(sim);
        box.Put(1);
        box.Put(2);
        box.Put(3);
        var got = new List<int>();
        sim.Start("r", _ => Receiver());

        sim.Run();

        Assert.Equal([1, 2, 3], got);
        Assert.Equal(SimTime.Zero, sim.Now);

        IEnumerable<Wait> Receiver()
        {
            for (int i = 0; i < 3; i++)
            {
                yield return box.Receive();
                got.Add(box.Take());
            }
        }
    }

    [Fact]
    public void Interrupt_ReceiverPromisedAnItem_ItemGoesToTheNextReceiver()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<int>(sim);
        var log = new List<string>();
        var first = sim.Start("first", self => Receiver("first", self));
        sim.Start("second", self => Receiver("second", self));
        sim.Start("driver", _ => Driver());

        sim.Run();

        // Both run at t=1; the released item is promised to "second" before the interrupt is scheduled.
        Assert.Equal(["second:7@1", "first:Interrupted@1"], log);
        Assert.Equal(0, box.Count);

        IEnumerable<Wait> Receiver(string name, Process self)
        {
            yield return box.Receive();
            log.Add(self.Result == WaitResult.Completed
                ? $"{name}:{box.Take()}@{Now(sim)}"
                : $"{name}:{self.Result}@{Now(sim)}");
        }

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(1));
            box.Put(7);                     // promised to "first", which has not run yet
            first.Interrupt("crash");       // so the item must go to "second"
        }
    }

    [Fact]
    public void Interrupt_ReceiverStillWaiting_LaterItemSkipsIt()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<int>(sim);
        var log = new List<string>();
        var first = sim.Start("first", self => Receiver("first", self));
        sim.Start("second", self => Receiver("second", self));
        sim.Start("driver", _ => Driver());

        sim.Run();

        Assert.Equal(["first:Interrupted@1", "second:9@2"], log);

        IEnumerable<Wait> Receiver(string name, Process self)
        {
            yield return box.Receive();
            log.Add(self.Result == WaitResult.Completed
                ? $"{name}:{box.Take()}@{Now(sim)}"
                : $"{name}:{self.Result}@{Now(sim)}");
        }

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(1));
            first.Interrupt("crash");
            yield return Wait.For(Seconds(1));
            box.Put(9);
        }
    }

    [Fact]
    public void Stop_ReceiverPromisedAnItem_ItemGoesToTheNextReceiver()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<int>(sim);
        var log = new List<string>();
        var first = sim.Start("first", _ => Receiver("first"));
        sim.Start("second", _ => Receiver("second"));
        sim.Start("driver", _ => Driver());

        sim.Run();

        Assert.Equal(["second:5@1"], log);
        Assert.Equal(ProcessState.Stopped, first.State);

        IEnumerable<Wait> Receiver(string name)
        {
            yield return box.Receive();
            log.Add($"{name}:{box.Take()}@{Now(sim)}");
        }

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(1));
            box.Put(5);
            first.Stop();
        }
    }

    [Fact]
    public void TryTake_ItemPromisedToWaitingReceiver_CannotBeTaken()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<int>(sim);
        var log = new List<string>();
        sim.Start("receiver", _ => Receiver());
        sim.Start("driver", _ => Driver());

        sim.Run();

        Assert.Equal(["tryTake=False", "receiver:1", "tryTake=True:2"], log);

        IEnumerable<Wait> Receiver()
        {
            yield return box.Receive();
            log.Add($"receiver:{box.Take()}");
        }

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(1));
            box.Put(1);
            log.Add($"tryTake={box.TryTake(out _)}");
            yield return Wait.For(Seconds(1));
            box.Put(2);
            log.Add($"tryTake={box.TryTake(out int item)}:{item}");
        }
    }

    [Fact]
    public void TryTake_MoreItemsThanPromised_LeavesTheOldestForTheWaitingReceiver()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<int>(sim);
        var log = new List<string>();
        sim.Start("receiver", _ => Receiver());
        sim.Start("driver", _ => Driver());

        sim.Run();

        // The receiver started waiting first, so it is owed the first item put.
        Assert.Equal(["tryTake:2", "receiver:1"], log);

        IEnumerable<Wait> Receiver()
        {
            yield return box.Receive();
            log.Add($"receiver:{box.Take()}");
        }

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(1));
            box.Put(1);
            box.Put(2);
            Assert.True(box.TryTake(out int item));
            log.Add($"tryTake:{item}");
        }
    }

    [Fact]
    public void Take_WithoutACompletedReceive_IsAnInvariantFailure()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<int>(sim);
        box.Put(1);
        sim.Start("thief", _ => Thief());

        var error = Assert.Throws<InvariantViolatedException>(() => sim.Run());

        Assert.Equal("process is not null && ReferenceEquals(process.Reservation, this)", error.Expression);

        IEnumerable<Wait> Thief()
        {
            box.Take();
            yield break;
        }
    }

    [Fact]
    public void Receive_RepeatedlyInterruptedReceiver_KeepsFewReceiverEntries()
    {
        var sim = new Simulation(seed: 1);
        var box = new Mailbox<int>(sim);
        int interrupted = 0;
        var receiver = sim.Start("receiver", self => Receiver(self));
        sim.Start("driver", _ => Driver());

        sim.Run();

        Assert.Equal(1_000, interrupted);
        Assert.InRange(box.ReceiverCapacity, 4, 8);

        IEnumerable<Wait> Receiver(Process self)
        {
            while (true)
            {
                yield return box.Receive();
                interrupted += self.Result == WaitResult.Interrupted ? 1 : 0;
            }
        }

        IEnumerable<Wait> Driver()
        {
            for (int i = 0; i < 1_000; i++)
            {
                yield return Wait.For(Seconds(1));
                receiver.Interrupt(i);
            }

            yield return Wait.For(Seconds(1));
            receiver.Stop();
        }
    }
}
