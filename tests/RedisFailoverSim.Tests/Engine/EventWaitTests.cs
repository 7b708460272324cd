using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Tests.Engine;

public class EventWaitTests
{
    private static SimDuration Seconds(long seconds) => SimDuration.FromSeconds(seconds);

    private static double Now(Simulation sim) => sim.Now.TotalSeconds;

    private static IEnumerable<Wait> TriggerAt(SimDuration delay, Action trigger)
    {
        yield return Wait.For(delay);
        trigger();
    }

    [Fact]
    public void WaitOn_EventSucceeds_ResumesAtThatInstantInWaitingOrder()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var signal = new SimEvent(sim);
        sim.Start("a", self => Waiter("a", self));
        sim.Start("b", self => Waiter("b", self));
        sim.Start("trigger", _ => TriggerAt(Seconds(4), signal.Succeed));

        sim.Run();

        Assert.Equal(["a:4:Completed", "b:4:Completed"], log);

        IEnumerable<Wait> Waiter(string name, Process self)
        {
            yield return Wait.On(signal);
            log.Add($"{name}:{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void WaitOn_EventAlreadySucceeded_ResumesAtOnce()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var signal = new SimEvent(sim);
        signal.Succeed();
        sim.Start("p", self => Waiter(self));

        sim.Run();

        Assert.Equal(["0:Completed"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.On(signal);
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void WaitOnWithTimeout_EventNeverComes_TimesOut()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var signal = new SimEvent(sim);
        sim.Start("p", self => Waiter(self));

        sim.Run();

        Assert.Equal(["5:TimedOut"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.On(signal, Seconds(5));
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void WaitOnWithTimeout_EventFirst_CompletesAndStaleTimeoutIsIgnored()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var signal = new SimEvent(sim);
        sim.Start("p", self => Waiter(self));
        sim.Start("trigger", _ => TriggerAt(Seconds(2), signal.Succeed));

        sim.Run();

        // The 5 s timeout of the first wait expires at t=5 while the second wait runs to t=12.
        Assert.Equal(["2:Completed", "12:Completed"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.On(signal, Seconds(5));
            log.Add($"{Now(sim)}:{self.Result}");
            yield return Wait.For(Seconds(10));
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void WaitOn_EventFails_ResumesWithFailedAndTheEvent()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var signal = new SimEvent(sim);
        sim.Start("p", self => Waiter(self));
        sim.Start("trigger", _ => TriggerAt(Seconds(3), () => signal.Fail("boom")));

        sim.Run();

        Assert.Equal(["3:Failed:boom:True"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.On(signal);
            log.Add($"{Now(sim)}:{self.Result}:{self.FailedEvent?.Error}:{ReferenceEquals(self.FailedEvent, signal)}");
        }
    }

    [Fact]
    public void SimEventOfT_Succeed_PassesTheValueToEveryWaiter()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var reply = new SimEvent<int>(sim);
        sim.Start("a", _ => Waiter("a"));
        sim.Start("b", _ => Waiter("b"));
        sim.Start("trigger", _ => TriggerAt(Seconds(1), () => reply.Succeed(42)));

        sim.Run();

        Assert.Equal(["a:42", "b:42"], log);

        IEnumerable<Wait> Waiter(string name)
        {
            yield return Wait.On(reply);
            log.Add($"{name}:{reply.Value}");
        }
    }

    [Fact]
    public void SimEventOfT_ResetAndReused_CarriesTheNewValue()
    {
        var sim = new Simulation(seed: 1);
        var reply = new SimEvent<string>(sim);
        reply.Succeed("first");
        reply.Reset();

        Assert.Equal(EventState.Pending, reply.State);
        Assert.Throws<InvariantViolatedException>(() => reply.Value);
        reply.Succeed("second");
        Assert.Equal("second", reply.Value);
    }

    [Fact]
    public void SimEvent_TriggeredTwice_IsAnInvariantFailure()
    {
        var sim = new Simulation(seed: 1);
        var signal = new SimEvent(sim);
        signal.Succeed();

        var error = Assert.Throws<InvariantViolatedException>(() => signal.Fail("again"));

        Assert.Equal("!IsTriggered", error.Expression);
    }

    [Fact]
    public void AnyOf_SecondEventFirst_ResumesWhenItSucceeds()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var slow = new SimEvent(sim);
        var fast = new SimEvent(sim);
        sim.Start("p", self => Waiter(self));
        sim.Start("fast", _ => TriggerAt(Seconds(2), fast.Succeed));
        sim.Start("slow", _ => TriggerAt(Seconds(6), slow.Succeed));

        sim.Run();

        Assert.Equal(["2:Completed:False:True", "9:Completed"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.AnyOf([slow, fast]);
            log.Add($"{Now(sim)}:{self.Result}:{slow.IsTriggered}:{fast.IsTriggered}");
            yield return Wait.For(Seconds(7));
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void AllOf_EverySucceeds_ResumesWhenTheLastSucceeds()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var events = new[] { new SimEvent(sim), new SimEvent(sim), new SimEvent(sim) };
        sim.Start("p", self => Waiter(self));
        sim.Start("t3", _ => TriggerAt(Seconds(3), events[0].Succeed));
        sim.Start("t1", _ => TriggerAt(Seconds(1), events[1].Succeed));
        sim.Start("t2", _ => TriggerAt(Seconds(2), events[2].Succeed));

        sim.Run();

        Assert.Equal(["3:Completed"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.AllOf(events);
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void AllOf_OneFails_ResumesAtTheFailureWithFailedEvent()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var ok = new SimEvent(sim);
        var bad = new SimEvent(sim);
        var late = new SimEvent(sim);
        sim.Start("p", self => Waiter(self));
        sim.Start("ok", _ => TriggerAt(Seconds(1), ok.Succeed));
        sim.Start("bad", _ => TriggerAt(Seconds(2), () => bad.Fail("disk")));
        sim.Start("late", _ => TriggerAt(Seconds(4), late.Succeed));

        sim.Run();

        Assert.Equal(["2:Failed:disk:True", "12:Completed"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.AllOf([ok, bad, late]);
            log.Add($"{Now(sim)}:{self.Result}:{self.FailedEvent?.Error}:{ReferenceEquals(self.FailedEvent, bad)}");
            yield return Wait.For(Seconds(10));
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void AllOf_SomeAlreadySucceeded_CountsThem()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var done = new SimEvent(sim);
        done.Succeed();
        var pending = new SimEvent(sim);
        sim.Start("p", self => Waiter(self));
        sim.Start("t", _ => TriggerAt(Seconds(5), pending.Succeed));

        sim.Run();

        Assert.Equal(["5:Completed"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.AllOf([done, pending]);
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void WaitOnWithTimeout_RepeatedTimeoutsOnAnEventThatNeverComes_KeepsFewWaiters()
    {
        // A health check that waits on a shutdown signal with a timeout, 10 000 times: the timed-out waits
        // must not pile up in the signal's waiter list for the rest of the run.
        var sim = new Simulation(seed: 1);
        var shutdown = new SimEvent(sim);
        int timeouts = 0;
        sim.Start("checker", self => Checker(self));

        sim.Run();

        Assert.Equal(10_000, timeouts);
        Assert.InRange(shutdown.WaiterCount, 0, 4);

        IEnumerable<Wait> Checker(Process self)
        {
            for (int i = 0; i < 10_000; i++)
            {
                yield return Wait.On(shutdown, SimDuration.FromMilliseconds(100));
                timeouts += self.Result == WaitResult.TimedOut ? 1 : 0;
            }
        }
    }

    [Fact]
    public void WaitOn_LiveWaitersWhenStaleOnesAreDropped_AllStillResumeInOrder()
    {
        var sim = new Simulation(seed: 1);
        var signal = new SimEvent(sim);
        var log = new List<string>();
        for (int i = 0; i < 6; i++)
        {
            string name = $"w{i}";
            sim.Start(name, self => Waiter(name, self));
        }

        sim.Start("flaky", self => Flaky(self));
        sim.Start("trigger", _ => TriggerAt(Seconds(50), signal.Succeed));

        sim.Run();

        Assert.Equal(["w0", "w1", "w2", "w3", "w4", "w5", "flaky"], log);

        IEnumerable<Wait> Waiter(string name, Process self)
        {
            yield return Wait.On(signal);
            log.Add(name);
        }

        IEnumerable<Wait> Flaky(Process self)
        {
            while (true)
            {
                yield return Wait.On(signal, Seconds(1));
                if (self.Result == WaitResult.Completed)
                {
                    log.Add("flaky");
                    yield break;
                }
            }
        }
    }
}
