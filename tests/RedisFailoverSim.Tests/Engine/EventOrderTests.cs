using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Tests.Engine;

public class EventOrderTests
{
    [Fact]
    public void Step_SimultaneousEvents_FireInInsertionOrder()
    {
        var sim = new Simulation(seed: 1);
        var recorder = new Recorder(sim);
        var at = SimTime.FromStart(SimDuration.FromSeconds(5));
        for (long token = 0; token < 100; token++)
        {
            sim.ScheduleAt(at, recorder, token);
        }

        sim.Run();

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (at.Nanoseconds, (long)i)), recorder.Fired);
    }

    [Fact]
    public void Step_EventsScheduledOutOfOrder_FireByTimeThenSequence()
    {
        var sim = new Simulation(seed: 1);
        var recorder = new Recorder(sim);
        sim.Schedule(SimDuration.FromNanoseconds(30), recorder, token: 0);
        sim.Schedule(SimDuration.FromNanoseconds(10), recorder, token: 1);
        sim.Schedule(SimDuration.FromNanoseconds(30), recorder, token: 2);
        sim.Schedule(SimDuration.FromNanoseconds(20), recorder, token: 3);
        sim.Schedule(SimDuration.FromNanoseconds(10), recorder, token: 4);
        sim.ScheduleNow(recorder, token: 5);

        sim.Run();

        Assert.Equal(
            new (long, long)[] { (0, 5), (10, 1), (10, 4), (20, 3), (30, 0), (30, 2) },
            recorder.Fired);
    }

    [Fact]
    public void Step_EventScheduledNowWhileFiring_RunsAfterEverythingAlreadyDueNow()
    {
        var sim = new Simulation(seed: 1);
        var recorder = new Recorder(sim);
        recorder.OnFire = token =>
        {
            if (token == 0)
            {
                sim.ScheduleNow(recorder, token: 9);
            }
        };
        sim.ScheduleNow(recorder, token: 0);
        sim.ScheduleNow(recorder, token: 1);
        sim.ScheduleNow(recorder, token: 2);

        sim.Run();

        Assert.Equal(new long[] { 0, 1, 2, 9 }, recorder.Fired.Select(f => f.Token));
    }

    [Fact]
    public void Run_ManyRandomInsertsInterleavedWithFiring_MatchesSortedReference()
    {
        // Times from a narrow range force many ties, so both halves of the (time, sequence) key are exercised;
        // each firing may schedule more entries, so inserts interleave with removals at every heap size.
        var sim = new Simulation(seed: 3);
        var random = new RandomStream(12345);
        var recorder = new Recorder(sim);
        var observer = new SequenceObserver();
        sim.Observer = observer;
        var scheduled = new List<(long Time, long Sequence)>();
        long nextSequence = 0;
        void ScheduleRandom()
        {
            long at = sim.Now.Nanoseconds + random.NextInt64(0, 64);
            sim.ScheduleAt(SimTime.FromStart(SimDuration.FromNanoseconds(at)), recorder, token: nextSequence);
            scheduled.Add((at, nextSequence++));
        }

        for (int i = 0; i < 5_000; i++)
        {
            ScheduleRandom();
        }

        recorder.OnFire = _ =>
        {
            int more = scheduled.Count < 40_000 ? random.Next(0, 3) : 0;
            for (int i = 0; i < more; i++)
            {
                ScheduleRandom();
            }
        };

        sim.Run();

        var expected = scheduled.OrderBy(e => e.Time).ThenBy(e => e.Sequence).ToList();
        Assert.Equal(expected.Count, recorder.Fired.Count);
        Assert.Equal(expected, recorder.Fired);
        Assert.Equal(expected.Select(e => e.Sequence), observer.Sequences);
    }

    [Fact]
    public void Run_ModelThatRanToCompletion_QueueHoldsNoReferences()
    {
        // Fired slots are freed or reused, never left holding a target or a payload after the run.
        var sim = new Simulation(seed: 7, initialQueueCapacity: 4);
        var box = new Mailbox<string>(sim);
        var signal = new SimEvent<string>(sim);
        var recorder = new Recorder(sim);
        int received = 0;
        for (int i = 0; i < 20; i++)
        {
            int index = i;
            sim.Start($"p{i}", self => Worker(index, self));
        }

        sim.Run();

        Assert.Equal(10, received);
        Assert.Equal(20, recorder.Fired.Count);
        Assert.Equal(0, sim.PendingEvents);
        Assert.Equal(0, sim.QueueReferencesHeld());

        IEnumerable<Wait> Worker(int index, Process self)
        {
            for (int step = 0; step < 50; step++)
            {
                yield return Wait.For(SimDuration.FromMilliseconds(1 + ((index * step) % 7)));
            }

            sim.ScheduleNow(recorder, index, payload: "payload");
            if (index % 2 == 0)
            {
                box.Put($"item{index}");
                yield return Wait.On(signal, SimDuration.FromSeconds(1));
                yield break;
            }

            yield return box.Receive();
            box.Take();
            received++;
            if (received == 10)
            {
                signal.Succeed("done");
            }
        }
    }

    [Fact]
    public void RunUntil_EventsAfterTheBound_StayQueuedAndClockStopsAtBound()
    {
        var sim = new Simulation(seed: 1);
        var recorder = new Recorder(sim);
        sim.Schedule(SimDuration.FromSeconds(1), recorder, token: 1);
        sim.Schedule(SimDuration.FromSeconds(2), recorder, token: 2);
        sim.Schedule(SimDuration.FromSeconds(3), recorder, token: 3);

        sim.RunUntil(SimTime.FromStart(SimDuration.FromSeconds(2)));

        Assert.Equal(new long[] { 1, 2 }, recorder.Fired.Select(f => f.Token));
        Assert.Equal(SimTime.FromStart(SimDuration.FromSeconds(2)), sim.Now);
        Assert.Equal(1, sim.PendingEvents);
        Assert.Equal(2, sim.EventsProcessed);
    }

    [Fact]
    public void RequestStop_DuringRun_ReturnsAfterTheCurrentEvent()
    {
        var sim = new Simulation(seed: 1);
        var recorder = new Recorder(sim);
        recorder.OnFire = token =>
        {
            if (token == 2)
            {
                sim.RequestStop();
            }
        };
        for (long token = 1; token <= 4; token++)
        {
            sim.Schedule(SimDuration.FromSeconds(token), recorder, token);
        }

        sim.Run();

        Assert.Equal(new long[] { 1, 2 }, recorder.Fired.Select(f => f.Token));
        Assert.Equal(SimTime.FromStart(SimDuration.FromSeconds(2)), sim.Now);
    }

    [Fact]
    public void ScheduleAt_InstantInThePast_IsAnInvariantFailure()
    {
        var sim = new Simulation(seed: 1);
        var recorder = new Recorder(sim);
        sim.Schedule(SimDuration.FromSeconds(2), recorder);
        sim.Run();

        var error = Assert.Throws<InvariantViolatedException>(
            () => sim.ScheduleAt(SimTime.FromStart(SimDuration.FromSeconds(1)), recorder));

        Assert.Equal("atNanoseconds >= Now.Nanoseconds", error.Expression);
    }

    private sealed class SequenceObserver : IEventObserver
    {
        public List<long> Sequences { get; } = [];

        public void OnEvent(SimTime now, long sequence, IEventTarget target, long token) => Sequences.Add(sequence);
    }
}
