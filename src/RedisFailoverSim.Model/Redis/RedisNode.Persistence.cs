using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// What the node's disk holds, as a prefix of its dataset, and what a crash leaves of it (docs/sources.md §16):
/// the AOF's written and fsynced ends, and the last completed RDB snapshot.
/// </summary>
public sealed partial class RedisNode
{
    // serverCron's period at hz 10: the save points are checked, and a postponed AOF flush retried, this often.
    private static readonly SimDuration PersistenceTick = SimDuration.FromMilliseconds(100);

    // ASSUMPTION A94: Linux's flusher thread wakes every 5 s and writes back pages dirty for more than 30 s
    // (vm.dirty_writeback_centisecs 500, vm.dirty_expire_centisecs 3000), the only writeback under appendfsync no.
    private static readonly SimDuration WritebackPeriod = SimDuration.FromSeconds(5);
    private static readonly SimDuration DirtyExpire = SimDuration.FromSeconds(30);

    private readonly Queue<(SimTime At, DiskMark Mark)> _unflushed = new();
    private Process? _persistenceCron;

    // What write() has put in the page cache; less than memory only while flushAppendOnlyFile postpones (§16.4).
    private DiskMark _aofWritten;
    private DiskMark _aofSynced;

    // The everysec background fsync on the bio thread: what it covers and when it ends (None: none running).
    private DiskMark _fsyncRunning = DiskMark.None;
    private SimTime _fsyncDoneAt;

    // Under appendfsync no Redis never fsyncs: its fsynced_reploff stays where the files were loaded or rewritten.
    private long _aofLoadedOffset;

    // aof_flush_postponed_start, in whole seconds as Redis 7.0 keeps it (-1: no write postponed).
    private long _flushPostponedSince = -1;
    private DiskMark _rdbSaved;
    private DiskMark _rdbSaving = DiskMark.None;
    private SimTime _rdbDoneAt;
    private SimTime _lastSave;
    private long _lastFsyncSecond;

    private PersistenceSettings Disk => _settings.Persistence;

    private DiskMark CurrentMark => new(_history.Count, _history.Offset);

    /// <summary>
    /// Boot and every restart: what is in memory is on the disk (ASSUMPTION A93: the run starts after a save, and a
    /// node that loaded its files starts from them), then the persistence cron runs.
    /// </summary>
    private void StartPersistence()
    {
        if (!Disk.LoadsFromDisk)
        {
            return;
        }

        MarkAllOnDisk();
        _lastSave = Sim.Now;
        _lastFsyncSecond = Sim.Now.Nanoseconds / SimDuration.NanosecondsPerSecond;
        _persistenceCron = Sim.Start(Name + "/persistence-cron", RunPersistenceCron);
    }

    /// <summary>
    /// A replica loaded a full sync: its RDB file becomes dump.rdb and the AOF is rewritten from the new dataset
    /// (ASSUMPTION A93: at once), so the disk holds the new dataset.
    /// </summary>
    private void OnDatasetReplaced()
    {
        if (Disk.LoadsFromDisk)
        {
            MarkAllOnDisk();
        }
    }

    private void MarkAllOnDisk()
    {
        _aofWritten = CurrentMark;
        _aofSynced = CurrentMark;
        _aofLoadedOffset = Offset;
        _fsyncRunning = DiskMark.None;
        _flushPostponedSince = -1;
        _rdbSaved = CurrentMark;
        _rdbSaving = DiskMark.None;
        _unflushed.Clear();
    }

    private IEnumerable<Wait> RunPersistenceCron(Process self)
    {
        yield return Wait.For(SimDuration.FromNanoseconds(PersistenceTick.Nanoseconds - (Sim.Now.Nanoseconds % PersistenceTick.Nanoseconds)));
        while (true)
        {
            if (Host == HostState.Up)
            {
                PersistenceCronTick();
            }

            yield return Wait.For(PersistenceTick);
        }
    }

    private void PersistenceCronTick()
    {
        long second = Sim.Now.Nanoseconds / SimDuration.NanosecondsPerSecond;
        if (Disk.AppendOnly && Disk.AppendFsync == AppendFsync.Everysec)
        {
            // serverCron retries a postponed flush every tick; then, once server.unixtime passed the last fsync's
            // second, a background fsync covers what was written so far (docs/sources.md §16.1, §16.4).
            if (FlushAppendOnlyFile() && second > _lastFsyncSecond)
            {
                StartBackgroundFsync();
                _lastFsyncSecond = second;
            }
        }
        else if (Disk.AppendOnly && Disk.AppendFsync == AppendFsync.No)
        {
            _unflushed.Enqueue((Sim.Now, CurrentMark));
            if (Sim.Now.Nanoseconds % WritebackPeriod.Nanoseconds == 0)
            {
                while (_unflushed.Count > 0 && Sim.Now - _unflushed.Peek().At >= DirtyExpire)
                {
                    _aofSynced = _unflushed.Dequeue().Mark;
                }
            }
        }
        else if (!Disk.AppendOnly)
        {
            SaveCron();
        }
    }

    /// <summary>serverCron's save points and the end of a BGSAVE (docs/sources.md §16.3).</summary>
    private void SaveCron()
    {
        if (_rdbSaving.IsSome)
        {
            if (Sim.Now >= _rdbDoneAt)
            {
                // The child wrote, fsynced and renamed the file: the snapshot of the fork's moment is on disk.
                _rdbSaved = _rdbSaving;
                _rdbSaving = DiskMark.None;
                _lastSave = Sim.Now;
            }

            return;
        }

        long dirty = _history.Count - _rdbSaved.Count;
        long sinceSave = (Sim.Now.Nanoseconds / SimDuration.NanosecondsPerSecond) - (_lastSave.Nanoseconds / SimDuration.NanosecondsPerSecond);
        foreach (var point in Disk.Save)
        {
            if (dirty >= point.Changes && sinceSave > point.After.Nanoseconds / SimDuration.NanosecondsPerSecond)
            {
                // ASSUMPTION A96: the child writes the dataset at the full-sync rate (A3).
                long bytes = (_holdsBaseDataset ? _settings.BaseDatasetBytes : 0) + _history.Offset;
                _rdbSaving = CurrentMark;
                _rdbDoneAt = Sim.Now + SimDuration.FromSecondsRounded((double)bytes / _settings.FullSyncBytesPerSecond);
                return;
            }
        }
    }

    /// <summary>
    /// The process died (<paramref name="powerLoss"/>: the host too): the dataset becomes what the disk holds. A
    /// process crash keeps the kernel's page cache, so every AOF write() survives, but not what a postponed flush
    /// still held in the AOF buffer (§16.4); a power loss keeps only what a completed fsync covered. A BGSAVE or a
    /// background fsync in progress never completes (ASSUMPTION A93).
    /// </summary>
    /// <returns>True when the disk holds less than memory did (the replication history is then a new one).</returns>
    private bool KeepWhatTheDiskHolds(bool powerLoss)
    {
        _persistenceCron?.Stop();
        _persistenceCron = null;
        CompleteBackgroundFsync();
        var mark = !Disk.AppendOnly ? _rdbSaved
            : Disk.AppendFsync == AppendFsync.Always ? CurrentMark
            : !powerLoss ? _aofWritten
            : _aofSynced;
        _rdbSaving = DiskMark.None;
        _unflushed.Clear();
        int lost = _history.Count - mark.Count;
        if (lost <= 0)
        {
            return false;
        }

        string source = Disk.AppendOnly ? "AOF" : "RDB";
        _recorder.Event(Name, "disk", $"{Name} {(powerLoss ? "power loss" : "crash")}: its {source} holds {mark.Count} of the {_history.Count} writes in memory, {lost} gone");
        _history.KeepPrefix(mark.Count, mark.Offset);
        return true;
    }

    /// <summary>A prefix of the dataset: its entry count and end offset (Count -1: none).</summary>
    private readonly record struct DiskMark(int Count, long Offset)
    {
        public static DiskMark None => new(-1, 0);

        public bool IsSome => Count >= 0;
    }
}
