using System.Globalization;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Serverless;

/// <summary>
/// A Serverless cache scaling out by adding a shard and moving data to it (docs/sources.md §5, §5.2). ASSUMPTION A161:
/// the shards past the serving ones wait in a warm pool, and each capacity doubling (A21) takes the next one into
/// service: it is provisioned for <c>shard-provisioning</c>, then slots move to it until just before the doubling
/// completes. ASSUMPTION A162: the slots move as <c>redis-cli --cluster rebalance</c> moves them to an empty primary,
/// one at a time: the new shard takes 16384 / (n + 1) slots, each source giving its share (the lowest slots first,
/// <c>clusterManagerComputeReshardTable</c>); for each slot the target is IMPORTING and the source MIGRATING, the
/// slot's keys move in key order at an even pace over the slot's turn, and then the slot is assigned to the target
/// (<c>CLUSTER SETSLOT slot NODE</c>). While a slot moves, its source answers a write of a key that has already moved
/// with <c>-ASK</c>, and any node a write reaches for a slot it does not serve answers <c>-MOVED</c>
/// (<see cref="ServerlessSlotGate"/>); the proxies absorb both (<see cref="ServerlessProxy"/>).
/// </summary>
public sealed class ServerlessScaleOut
{
    private readonly Simulation _simulation;
    private readonly ServiceSlotMap _map;
    private readonly RunRecorder _recorder;
    private readonly SimDuration _provisioning;
    private readonly Func<MemberId, string> _nameOf;
    private readonly int[] _rankInSlot;
    private readonly int[] _keysInSlot = new int[HashSlot.Count];
    private bool _running;
    private int _slot = -1;
    private int _source;
    private int _target;
    private long _turnStart;
    private long _turnLength;

    /// <summary>Creates the scale-out of a cache whose first <paramref name="servingShards"/> shards own the slots.</summary>
    /// <param name="simulation">The simulation.</param>
    /// <param name="map">The proxies' slot map, which the migration re-assigns.</param>
    /// <param name="slotOfKey">Each key's slot, by key index (the keys the writes use, A164).</param>
    /// <param name="servingShards">Shards serving at the start; the rest are the warm pool.</param>
    /// <param name="provisioning">From a doubling's start to its first slot moving.</param>
    /// <param name="recorder">The trace.</param>
    /// <param name="nameOf">A node's name, for the trace.</param>
    public ServerlessScaleOut(
        Simulation simulation,
        ServiceSlotMap map,
        IReadOnlyList<int> slotOfKey,
        int servingShards,
        SimDuration provisioning,
        RunRecorder recorder,
        Func<MemberId, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(slotOfKey);
        Invariant.Holds(servingShards >= 1 && servingShards <= map.ShardCount);
        _simulation = simulation;
        _map = map;
        _recorder = recorder;
        _provisioning = provisioning;
        _nameOf = nameOf;
        ServingShards = servingShards;
        _rankInSlot = new int[slotOfKey.Count];
        for (int k = 0; k < slotOfKey.Count; k++)
        {
            _rankInSlot[k] = _keysInSlot[slotOfKey[k]]++;
        }
    }

    /// <summary>Shards that own slots.</summary>
    public int ServingShards { get; private set; }

    /// <summary>Shards taken from the warm pool so far.</summary>
    public int ShardsAdded { get; private set; }

    /// <summary>Slots moved so far.</summary>
    public int SlotsMoved { get; private set; }

    /// <summary>True when a warm shard remains and no scale-out is moving slots.</summary>
    public bool CanAdd => !_running && ServingShards < _map.ShardCount;

    /// <summary>
    /// A capacity doubling started that completes at <paramref name="doneAt"/>: takes the next warm shard into service
    /// and moves its slots to it before then.
    /// </summary>
    public void Begin(SimTime doneAt)
    {
        Invariant.Holds(CanAdd);
        _running = true;
        int target = ServingShards;
        var left = doneAt - _simulation.Now;
        var from = _simulation.Now + (_provisioning < left ? _provisioning : SimDuration.FromNanoseconds(left.Nanoseconds / 2));
        Invariant.Holds(from < doneAt);
        _recorder.Event("serverless", "scale", $"scaling out: shard {target + 1} ({_nameOf(_map.OwnerOf(target))}) taken from the warm pool; slots start moving to it at {RunRecorder.Format(from - SimTime.Zero)} (A161)");
        _simulation.Start("serverless/scale-out", self => MoveSlots(target, from, doneAt));
    }

    /// <summary>True while <paramref name="slot"/> is moving; then its source and target shards.</summary>
    public bool IsMigrating(int slot, out int source, out int target)
    {
        source = _source;
        target = _target;
        return slot == _slot;
    }

    /// <summary>True when key <paramref name="key"/> of the migrating slot is already on the target.</summary>
    public bool HasMoved(int key)
    {
        Invariant.Holds(_slot >= 0 && key >= 0);
        long elapsed = _simulation.Now.Nanoseconds - _turnStart;
        long moved = _keysInSlot[_slot] * Math.Clamp(elapsed, 0, _turnLength) / _turnLength;
        return _rankInSlot[key] < moved;
    }

    /// <summary>
    /// The slots a new shard takes from the serving ones, as <c>clusterManagerComputeReshardTable</c> picks them:
    /// sources by slot count, largest first (ties by shard), each giving numslots / total x its count (rounded up for
    /// the first, down for the others) of its lowest slots, until numslots.
    /// </summary>
    public static List<(int Slot, int Source)> Plan(ServiceSlotMap map, int servingShards)
    {
        int numSlots = HashSlot.Count / (servingShards + 1);
        var sources = Enumerable.Range(0, servingShards)
            .Select(s => (Shard: s, Slots: map.SlotsOf(s)))
            .OrderByDescending(s => s.Slots.Count)
            .ThenBy(s => s.Shard)
            .ToList();
        int total = sources.Sum(s => s.Slots.Count);
        var plan = new List<(int Slot, int Source)>();
        for (int i = 0; i < sources.Count; i++)
        {
            // redis-cli computes in single precision floats; so does this.
            float n = (float)numSlots / total * sources[i].Slots.Count;
            int max = (int)(i == 0 ? MathF.Ceiling(n) : MathF.Floor(n));
            for (int j = 0; j < sources[i].Slots.Count && j < max && plan.Count < numSlots; j++)
            {
                plan.Add((sources[i].Slots[j], sources[i].Shard));
            }
        }

        return plan;
    }

    private IEnumerable<Wait> MoveSlots(int target, SimTime from, SimTime doneAt)
    {
        yield return Wait.Until(from);
        var plan = Plan(_map, ServingShards);

        // Every slot gets an equal turn, and the last ends one turn before the doubling completes.
        _turnLength = Math.Max(1, (doneAt - from).Nanoseconds / (plan.Count + 1));
        _target = target;
        for (int first = 0; first < plan.Count;)
        {
            int source = plan[first].Source;
            int last = first;
            while (last + 1 < plan.Count && plan[last + 1].Source == source)
            {
                last++;
            }

            _source = source;
            _recorder.Event("serverless", "migrate", $"migrating {Count(last - first + 1)} slots ({Ranges(plan, first, last)}) from shard {source + 1} ({_nameOf(_map.OwnerOf(source))}, MIGRATING) to shard {target + 1} ({_nameOf(_map.OwnerOf(target))}, IMPORTING), keys moved with MIGRATE, {RunRecorder.Format(SimDuration.FromNanoseconds(_turnLength))} a slot (A162)");
            for (int i = first; i <= last; i++)
            {
                _slot = plan[i].Slot;
                _turnStart = _simulation.Now.Nanoseconds;
                yield return Wait.For(SimDuration.FromNanoseconds(_turnLength));
                _map.Assign(_slot, target);
                _slot = -1;
                SlotsMoved++;
            }

            _recorder.Event("serverless", "migrate", $"slots {Ranges(plan, first, last)} now owned by shard {target + 1} (CLUSTER SETSLOT NODE); the proxies route them there");
            first = last + 1;
        }

        ServingShards++;
        ShardsAdded++;
        _running = false;
        _recorder.Event("serverless", "scale", $"shard {target + 1} serves {Count(plan.Count)} slots; {ServingShards} shards serve the cache");
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The plan's slots <paramref name="first"/>..<paramref name="last"/> as ranges: <c>0-4095, 8192-10922</c>.</summary>
    private static string Ranges(List<(int Slot, int Source)> plan, int first, int last)
    {
        var ranges = new List<string>();
        int start = plan[first].Slot;
        for (int i = first; i <= last; i++)
        {
            bool ends = i == last || plan[i + 1].Slot != plan[i].Slot + 1;
            if (ends)
            {
                int end = plan[i].Slot;
                ranges.Add(start == end ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start}-{end}"));
                if (i < last)
                {
                    start = plan[i + 1].Slot;
                }
            }
        }

        return string.Join(", ", ranges);
    }
}
