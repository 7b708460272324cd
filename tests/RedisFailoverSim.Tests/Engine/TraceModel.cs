using System.Buffers.Binary;
using System.Security.Cryptography;
using MathNet.Numerics.Distributions;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Tests.Engine;

/// <summary>
/// A small model that uses every engine feature with random timing: producers put into a mailbox, consumers
/// receive and serve, a monitor waits on batch events with timeouts, a coordinator waits on AnyOf/AllOf, a chaos
/// process interrupts and replaces consumers and sets timers. The observer hashes (time, sequence, target id) of
/// every event with SHA-256.
/// </summary>
internal sealed class TraceModel : IEventObserver
{
    private readonly Simulation _sim;
    private readonly Dictionary<IEventTarget, int> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Mailbox<int> _box;
    private readonly List<Process> _consumers = [];
    private readonly RandomStream _chaosRandom;
    private SimEvent<int> _batch;
    private SimEvent _left;
    private SimEvent _right;
    private int _produced;
    private int _consumed;
    private int _interrupted;
    private int _batches;
    private int _batchTimeouts;
    private int _anyOf;
    private int _allOf;
    private int _allOfFailed;
    private int _timerFires;
    private int _stopped;

    private TraceModel(ulong seed)
    {
        _sim = new Simulation(seed) { Observer = this };
        _box = new Mailbox<int>(_sim);
        _chaosRandom = _sim.Random.Stream("chaos");
        _batch = new SimEvent<int>(_sim);
        _left = new SimEvent(_sim);
        _right = new SimEvent(_sim);
    }

    public static (string Hash, long Events, string Summary) Run(ulong seed)
    {
        var model = new TraceModel(seed);
        model.Build();
        model._sim.RunUntil(SimTime.FromStart(SimDuration.FromSeconds(60)));
        string summary =
            $"produced={model._produced} consumed={model._consumed} interrupted={model._interrupted} " +
            $"batches={model._batches} batchTimeouts={model._batchTimeouts} anyOf={model._anyOf} " +
            $"allOf={model._allOf} allOfFailed={model._allOfFailed} timers={model._timerFires} " +
            $"stopped={model._stopped}";
        return (Convert.ToHexString(model._hash.GetHashAndReset()), model._sim.EventsProcessed, summary);
    }

    public void OnEvent(SimTime now, long sequence, IEventTarget target, long token)
    {
        Span<byte> record = stackalloc byte[20];
        BinaryPrimitives.WriteInt64LittleEndian(record, now.Nanoseconds);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], sequence);
        BinaryPrimitives.WriteInt32LittleEndian(record[16..], _ids[target]);
        _hash.AppendData(record);
    }

    private Process Start(string name, Func<Process, IEnumerable<Wait>> body)
    {
        var process = _sim.Start(name, body);
        _ids.Add(process, _ids.Count);
        return process;
    }

    private void Build()
    {
        for (int i = 0; i < 2; i++)
        {
            var random = _sim.Random.Stream("producer", i);
            Start($"producer{i}", _ => Produce(random));
        }

        for (int i = 0; i < 3; i++)
        {
            StartConsumer();
        }

        Start("monitor", self => Monitor(self));
        Start("coordinator", self => Coordinate(self));
        var timer = new Recorder(_sim) { OnFire = _ => _timerFires++ };
        _ids.Add(timer, _ids.Count);
        Start("chaos", _ => Chaos(timer));
    }

    private void StartConsumer()
    {
        int index = _consumers.Count;
        var random = _sim.Random.Stream("consumer", index);
        _consumers.Add(Start($"consumer{index}", self => Consume(self, random)));
    }

    private IEnumerable<Wait> Produce(RandomStream random)
    {
        while (true)
        {
            yield return Wait.For(SimDuration.FromSecondsRounded(Exponential.Sample(random, 20)));
            _box.Put(_produced++);
            if (_produced % 7 == 0 && !_left.IsTriggered)
            {
                _left.Succeed();
            }
            else if (_produced % 11 == 0 && !_right.IsTriggered)
            {
                if (random.Next(4) == 0)
                {
                    _right.Fail("unlucky");
                }
                else
                {
                    _right.Succeed();
                }
            }
        }
    }

    private IEnumerable<Wait> Consume(Process self, RandomStream random)
    {
        while (true)
        {
            yield return _box.Receive();
            if (self.Result == WaitResult.Interrupted)
            {
                _interrupted++;
                continue;
            }

            int item = _box.Take();
            yield return Wait.For(SimDuration.FromSecondsRounded(LogNormal.Sample(random, -3.5, 0.6)));
            if (self.Result == WaitResult.Interrupted)
            {
                _interrupted++;
            }

            _consumed++;
            if (_consumed % 10 == 0 && !_batch.IsTriggered)
            {
                _batch.Succeed(item);
            }
        }
    }

    private IEnumerable<Wait> Monitor(Process self)
    {
        while (true)
        {
            yield return Wait.On(_batch, SimDuration.FromMilliseconds(300));
            if (self.Result == WaitResult.TimedOut)
            {
                _batchTimeouts++;
                continue;
            }

            _batches += _batch.Value >= 0 ? 1 : 0;
            _batch = new SimEvent<int>(_sim);
        }
    }

    private IEnumerable<Wait> Coordinate(Process self)
    {
        while (true)
        {
            yield return Wait.AnyOf([_left, _right]);
            _anyOf++;
            yield return Wait.AllOf([_left, _right]);
            if (self.Result == WaitResult.Failed)
            {
                _allOfFailed++;
            }
            else
            {
                _allOf++;
            }

            _left = new SimEvent(_sim);
            _right = new SimEvent(_sim);
        }
    }

    private IEnumerable<Wait> Chaos(Recorder timer)
    {
        while (true)
        {
            yield return Wait.For(SimDuration.FromSecondsRounded(_chaosRandom.NextDouble(0.2, 1.0)));
            var victim = _consumers[_chaosRandom.Next(_consumers.Count)];
            if (!victim.IsAlive)
            {
                continue;
            }

            if (_chaosRandom.Next(10) == 0)
            {
                victim.Stop();
                _stopped++;
                StartConsumer();
            }
            else
            {
                victim.Interrupt("chaos");
            }

            _sim.Schedule(SimDuration.FromSecondsRounded(_chaosRandom.NextDouble(0, 0.5)), timer, token: _stopped);
        }
    }
}
