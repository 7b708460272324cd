using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Tests.Engine;

public class ProcessTests
{
    private static SimDuration Seconds(long seconds) => SimDuration.FromSeconds(seconds);

    private static double Now(Simulation sim) => sim.Now.TotalSeconds;

    [Fact]
    public void Start_BodyRunsAtCurrentInstantAfterAlreadyScheduledEvents()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var recorder = new Recorder(sim) { OnFire = _ => log.Add("timer") };
        sim.ScheduleNow(recorder);
        sim.Start("p", _ => Body());

        sim.Run();

        Assert.Equal(["timer", "p@0"], log);

        IEnumerable<Wait> Body()
        {
            log.Add($"p@{Now(sim)}");
            yield break;
        }
    }

    [Fact]
    public void WaitFor_Timeout_ResumesAfterTheDurationWithCompleted()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var p = sim.Start("p", self => Body(self));

        sim.Run();

        Assert.Equal(["2.5:Completed", "2.5:Completed"], log);
        Assert.Equal(ProcessState.Finished, p.State);

        IEnumerable<Wait> Body(Process self)
        {
            yield return Wait.For(SimDuration.FromMilliseconds(2_500));
            log.Add($"{Now(sim)}:{self.Result}");
            yield return Wait.Yield();
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void Interrupt_DuringTimeoutWait_ResumesNowAndStaleTimeoutNeverResumes()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var sleeper = sim.Start("sleeper", self => Sleeper(self));
        sim.Start("waker", _ => Waker());

        sim.Run();

        // The interrupted 10 s timeout must not end the 20 s wait begun at t=4.
        Assert.Equal(["3:Interrupted:wake", "4:Completed:", "24:Completed:"], log);

        IEnumerable<Wait> Sleeper(Process self)
        {
            yield return Wait.For(Seconds(10));
            log.Add($"{Now(sim)}:{self.Result}:{self.InterruptCause}");
            yield return Wait.For(Seconds(1));
            log.Add($"{Now(sim)}:{self.Result}:{self.InterruptCause}");
            yield return Wait.For(Seconds(20));
            log.Add($"{Now(sim)}:{self.Result}:{self.InterruptCause}");
        }

        IEnumerable<Wait> Waker()
        {
            yield return Wait.For(Seconds(3));
            Assert.True(sleeper.Interrupt("wake"));
        }
    }

    [Fact]
    public void Interrupt_DuringEventWait_ResumesNowAndLaterEventIsIgnored()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var signal = new SimEvent(sim);
        var waiter = sim.Start("waiter", self => Waiter(self));
        sim.Start("driver", _ => Driver());

        sim.Run();

        Assert.Equal(["2:Interrupted:crash", "12:Completed"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.On(signal);
            log.Add($"{Now(sim)}:{self.Result}:{self.InterruptCause}");
            yield return Wait.For(Seconds(10));
            log.Add($"{Now(sim)}:{self.Result}");
        }

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(2));
            waiter.Interrupt("crash");
            yield return Wait.For(Seconds(3));
            signal.Succeed();
        }
    }

    [Fact]
    public void Interrupt_SeveralBeforeItRuns_ResumesOnceWithTheLastCause()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var target = sim.Start("target", self => Target(self));
        sim.Start("driver", _ => Driver());

        sim.Run();

        Assert.Equal(["1:Interrupted:c", "6:Completed:"], log);

        IEnumerable<Wait> Target(Process self)
        {
            while (true)
            {
                yield return Wait.For(Seconds(5));
                log.Add($"{Now(sim)}:{self.Result}:{self.InterruptCause}");
                if (self.Result == WaitResult.Completed)
                {
                    yield break;
                }
            }
        }

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(1));
            Assert.True(target.Interrupt("a"));
            Assert.True(target.Interrupt("b"));
            Assert.True(target.Interrupt("c"));
        }
    }

    [Fact]
    public void Interrupt_AfterItsEventFiredButBeforeItRuns_ResumesOnceInterrupted()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var signal = new SimEvent(sim);
        var waiter = sim.Start("waiter", self => Waiter(self));
        sim.Start("driver", _ => Driver());

        sim.Run();

        Assert.Equal(["2:Interrupted:late", "3:Completed"], log);

        IEnumerable<Wait> Waiter(Process self)
        {
            yield return Wait.On(signal);
            log.Add($"{Now(sim)}:{self.Result}:{self.InterruptCause}");
            yield return Wait.For(Seconds(1));
            log.Add($"{Now(sim)}:{self.Result}");
        }

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(2));
            signal.Succeed();            // the waiter's wake-up is now queued for t=2 ...
            waiter.Interrupt("late");    // ... but the interrupt cancels that wait
        }
    }

    [Fact]
    public void Interrupt_WhenItsTimeoutIsDueThisInstant_ResumesOnceInterrupted()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        Process? sleeper = null;
        sim.Start("driver", _ => Driver());
        sleeper = sim.Start("sleeper", self => Sleeper(self));

        sim.Run();

        Assert.Equal(["1:Interrupted:now", "6:Completed"], log);

        IEnumerable<Wait> Driver()
        {
            yield return Wait.For(Seconds(1));
            sleeper!.Interrupt("now");   // the sleeper's 1 s timeout is also due, later in this instant
        }

        IEnumerable<Wait> Sleeper(Process self)
        {
            yield return Wait.For(Seconds(1));
            log.Add($"{Now(sim)}:{self.Result}:{self.InterruptCause}");
            yield return Wait.For(Seconds(5));
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void Interrupt_FinishedProcess_ReturnsFalse()
    {
        var sim = new Simulation(seed: 1);
        var p = sim.Start("p", _ => Body());
        sim.Run();

        Assert.Equal(ProcessState.Finished, p.State);
        Assert.False(p.Interrupt("late"));
        Assert.False(p.Stop());
        Assert.Equal(0, sim.PendingEvents);

        static IEnumerable<Wait> Body()
        {
            yield return Wait.For(SimDuration.FromSeconds(1));
        }
    }

    [Fact]
    public void Interrupt_Itself_IsAnInvariantFailure()
    {
        var sim = new Simulation(seed: 1);
        sim.Start("p", self => Body(self));

        var error = Assert.Throws<InvariantViolatedException>(() => sim.Run());

        Assert.Equal("State != ProcessState.Running", error.Expression);

        static IEnumerable<Wait> Body(Process self)
        {
            self.Interrupt("me");
            yield break;
        }
    }

    [Fact]
    public void Stop_WaitingProcess_DisposesIteratorAndStaleTimeoutNeverResumes()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var victim = sim.Start("victim", _ => Victim());
        sim.Start("killer", _ => Killer());

        sim.Run();

        Assert.Equal(["finally@1", "stopped=True", "again=False"], log);
        Assert.Equal(ProcessState.Stopped, victim.State);
        Assert.False(victim.IsAlive);

        IEnumerable<Wait> Victim()
        {
            try
            {
                yield return Wait.For(Seconds(10));
                log.Add("resumed");
            }
            finally
            {
                log.Add($"finally@{Now(sim)}");
            }
        }

        IEnumerable<Wait> Killer()
        {
            yield return Wait.For(Seconds(1));
            log.Add($"stopped={victim.Stop()}");
            log.Add($"again={victim.Stop()}");
        }
    }

    [Fact]
    public void Stop_Itself_TakesEffectAtTheNextYield()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var p = sim.Start("p", self => Body(self));

        sim.Run();

        Assert.Equal(["after stop", "finally"], log);
        Assert.Equal(ProcessState.Stopped, p.State);
        Assert.Equal(SimTime.Zero, sim.Now);

        IEnumerable<Wait> Body(Process self)
        {
            try
            {
                Assert.True(self.Stop());
                log.Add("after stop");
                yield return Wait.For(Seconds(10));
                log.Add("resumed");
            }
            finally
            {
                log.Add("finally");
            }
        }
    }

    [Fact]
    public void Completion_BodyReturns_SucceedsAtThatInstant()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var worker = sim.Start("worker", _ => Worker());
        sim.Start("joiner", self => Joiner(self));

        sim.Run();

        Assert.Equal(["7:Completed"], log);
        Assert.Equal(EventState.Succeeded, worker.Completion.State);

        static IEnumerable<Wait> Worker()
        {
            yield return Wait.For(SimDuration.FromSeconds(7));
        }

        IEnumerable<Wait> Joiner(Process self)
        {
            yield return Wait.On(worker.Completion);
            log.Add($"{Now(sim)}:{self.Result}");
        }
    }

    [Fact]
    public void Completion_ProcessStopped_FailsWithStopped()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var worker = sim.Start("worker", _ => Worker());
        sim.Start("joiner", self => Joiner(self));
        sim.Start("killer", _ => Killer());

        sim.Run();

        Assert.Equal(["3:Failed:stopped:True"], log);
        Assert.Equal(EventState.Failed, worker.Completion.State);

        static IEnumerable<Wait> Worker()
        {
            yield return Wait.For(SimDuration.FromSeconds(100));
        }

        IEnumerable<Wait> Joiner(Process self)
        {
            yield return Wait.On(worker.Completion);
            log.Add($"{Now(sim)}:{self.Result}:{self.FailedEvent?.Error}:{ReferenceEquals(self.FailedEvent, worker.Completion)}");
        }

        IEnumerable<Wait> Killer()
        {
            yield return Wait.For(Seconds(3));
            worker.Stop();
        }
    }

    [Fact]
    public void Completion_AskedAfterTheProcessEnded_IsAlreadyTriggered()
    {
        var sim = new Simulation(seed: 1);
        var finished = sim.Start("finished", _ => Empty());
        var stopped = sim.Start("stopped", _ => Forever());
        sim.RunUntil(SimTime.FromStart(Seconds(1)));
        stopped.Stop();

        Assert.Equal(EventState.Succeeded, finished.Completion.State);
        Assert.Equal(EventState.Failed, stopped.Completion.State);

        static IEnumerable<Wait> Empty()
        {
            yield break;
        }

        static IEnumerable<Wait> Forever()
        {
            while (true)
            {
                yield return Wait.For(SimDuration.FromSeconds(1));
            }
        }
    }

    [Fact]
    public void ActiveProcess_InsideBodiesTargetsAndBetweenSteps_IsTheRunningProcessOrNull()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        var recorder = new Recorder(sim) { OnFire = _ => log.Add($"timer:{sim.ActiveProcess?.Name ?? "null"}") };
        Process? victim = null;
        victim = sim.Start("victim", _ => Victim());
        sim.Start("killer", self => Killer(self));

        sim.Step();
        log.Add($"between:{sim.ActiveProcess?.Name ?? "null"}");
        sim.Run();

        Assert.Equal(
            ["victim:victim", "between:null", "killer:killer", "timer:null", "finally:killer", "after:killer"],
            log);
        Assert.Null(sim.ActiveProcess);

        IEnumerable<Wait> Victim()
        {
            log.Add($"victim:{sim.ActiveProcess?.Name}");
            try
            {
                yield return Wait.For(Seconds(10));
            }
            finally
            {
                // Run by Stop from the killer's body, so the killer is the one executing.
                log.Add($"finally:{sim.ActiveProcess?.Name}");
            }
        }

        IEnumerable<Wait> Killer(Process self)
        {
            log.Add($"killer:{sim.ActiveProcess?.Name}");
            sim.Schedule(Seconds(1), recorder);
            yield return Wait.For(Seconds(2));
            victim!.Stop();
            log.Add($"after:{sim.ActiveProcess?.Name}");
        }
    }

    [Fact]
    public void ActiveProcess_AfterABodyThrows_IsNullAndTheRunCanContinue()
    {
        var sim = new Simulation(seed: 1);
        var log = new List<string>();
        sim.Start("faulty", _ => Faulty());
        sim.Start("steady", _ => Steady());

        Assert.Throws<InvalidOperationException>(() => sim.Run());
        Assert.Null(sim.ActiveProcess);
        sim.Run();

        Assert.Equal(["steady@0", "steady@1"], log);

        static IEnumerable<Wait> Faulty()
        {
            yield return Wait.For(SimDuration.FromMilliseconds(500));
            throw new InvalidOperationException("model bug");
        }

        IEnumerable<Wait> Steady()
        {
            log.Add($"steady@{Now(sim)}");
            yield return Wait.For(Seconds(1));
            log.Add($"steady@{Now(sim)}");
        }
    }

    [Fact]
    public void Step_CalledFromAProcessBody_IsAnInvariantFailure()
    {
        var sim = new Simulation(seed: 1);
        sim.Start("reentrant", _ => Reentrant());

        var error = Assert.Throws<InvariantViolatedException>(() => sim.Run());

        Assert.Equal("_queue.FiringTarget is null", error.Expression);

        IEnumerable<Wait> Reentrant()
        {
            sim.Step();
            yield break;
        }
    }
}
