using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// <c>flushAppendOnlyFile</c> under <c>appendfsync everysec</c> (docs/sources.md §16.4): the AOF buffer is write()n
/// before the replies leave, unless a background fsync is still running; then the write waits in the buffer (process
/// memory, lost with the process) until the fsync ends, but not once two whole seconds passed since it began to wait:
/// then Redis writes anyway (<c>aof_delayed_fsync</c>) and the write blocks behind the fsync (ASSUMPTION A70).
/// With the default <see cref="PersistenceSettings.FsyncTime"/> of 0 no fsync is ever running (A95) and every write is
/// in the page cache at once.
/// </summary>
public sealed partial class RedisNode
{
    /// <summary>How many times a postponed AOF write was forced after two seconds (INFO's <c>aof_delayed_fsync</c>).</summary>
    public int AofDelayedFsyncs { get; private set; }

    /// <summary>An applied write entered the AOF buffer: flush it, as <c>beforeSleep</c> does before the reply.</summary>
    private void AppendToAof()
    {
        if (Disk.AppendOnly)
        {
            FlushAppendOnlyFile();
        }
    }

    /// <summary>
    /// <c>flushAppendOnlyFile(0)</c>: write()s the buffer unless it postpones. Returns false when it postponed, or
    /// when the buffer is empty and a background fsync is running (then no new fsync may start either).
    /// </summary>
    private bool FlushAppendOnlyFile()
    {
        CompleteBackgroundFsync();
        bool running = _fsyncRunning.IsSome;
        if (_aofWritten.Count == _history.Count && _aofWritten.Offset == _history.Offset)
        {
            return !running;
        }

        if (running)
        {
            long second = Sim.Now.Nanoseconds / SimDuration.NanosecondsPerSecond;
            if (_flushPostponedSince < 0)
            {
                _flushPostponedSince = second;
                return false;
            }

            // Redis 7.0: server.unixtime - server.aof_flush_postponed_start < 2 postpones again (§16.4).
            if (second - _flushPostponedSince < 2)
            {
                return false;
            }

            AofDelayedFsyncs++;
            BlockThreadUntil(_fsyncDoneAt);
            _recorder.Event(Name, "disk", $"{Name}: asynchronous AOF fsync is taking too long (disk is busy?); writing the AOF buffer without waiting for fsync to complete");
        }

        _aofWritten = CurrentMark;
        _flushPostponedSince = -1;
        return true;
    }

    /// <summary>
    /// <c>aof_background_fsync</c>: queues an fsync of what was written so far on the bio thread, unless one is
    /// still running (<c>if (!sync_in_progress)</c>). It takes <see cref="PersistenceSettings.FsyncTime"/>.
    /// </summary>
    private void StartBackgroundFsync()
    {
        if (_fsyncRunning.IsSome)
        {
            return;
        }

        if (Disk.FsyncTime == SimDuration.Zero)
        {
            _aofSynced = _aofWritten;
            WakeAofWaiters();
            return;
        }

        _fsyncRunning = _aofWritten;
        _fsyncDoneAt = Sim.Now + Disk.FsyncTime;
    }

    /// <summary>A background fsync that has ended by now covers on disk what it was started for.</summary>
    private void CompleteBackgroundFsync()
    {
        if (_fsyncRunning.IsSome && Sim.Now >= _fsyncDoneAt)
        {
            _aofSynced = _fsyncRunning;
            _fsyncRunning = DiskMark.None;
            WakeAofWaiters();
        }
    }

    /// <summary>fsynced_reploff moved: a WAITAOF waiting for the local fsync may be answered.</summary>
    private void WakeAofWaiters()
    {
        if (_waiting.Count > 0 && IsPrimary)
        {
            ProcessWaitingClients();
        }
    }
}
