using System.Runtime.ExceptionServices;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>
/// Runs a sweep's replications on K worker threads (docs/sources.md §15.6: replications in parallel, each single-threaded,
/// seeded from (master seed, index)). Workers take the next (point, replication, path) from a shared counter and put
/// its numbers in that job's own cell of a <see cref="ReplicationTable"/>; nothing is ever combined in finish order,
/// so the table, and every byte written from it, is the same for any K.
/// </summary>
internal static class SweepRunner
{
    /// <summary>How often the waiting thread reports progress and looks for Ctrl-C.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs every replication of <paramref name="shard"/> (all of them when null) of every point and path, on
    /// <paramref name="parallel"/> threads, and returns the table. Each run gets
    /// <paramref name="template"/> (for example a future <c>--audit</c>), with its own cancellation check as
    /// progress sink and no counters. Throws <see cref="ReplicationFailedException"/> for the first (lowest job)
    /// failure seen and <see cref="OperationCanceledException"/> on Ctrl-C, after every worker has stopped.
    /// </summary>
    public static ReplicationTable Run(
        SweepSetup setup,
        IReadOnlyList<WorldSpec> worlds,
        SweepShard? shard,
        int parallel,
        RunOptions template,
        Func<string, WorldSpec, ulong, RunOptions, PathResult> runPath,
        IProgress<double> progress,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(worlds);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        ArgumentNullException.ThrowIfNull(template);
        var table = new ReplicationTable(setup.Points.Count, setup.Paths.Count, setup.Runs);
        var jobs = Jobs(setup, shard);
        using var state = new WorkState(jobs.Length);
        var options = template with { Progress = new CancellationCheck(state, cancellation), Counters = null };
        var workers = Enumerable.Range(0, Math.Min(parallel, Math.Max(1, jobs.Length)))
            .Select(k => new Thread(() => Work(setup, worlds, jobs, options, runPath, table, state))
            {
                IsBackground = true,
                Name = $"sweep-worker-{k}",
            })
            .ToList();
        workers.ForEach(w => w.Start());
        try
        {
            progress.Report(0);
            while (!state.Finished.Wait(PollInterval))
            {
                // LineProgress and BarProgress throw OperationCanceledException here after Ctrl-C.
                progress.Report(state.Fraction);
            }

            progress.Report(state.Fraction);
        }
        finally
        {
            state.Stop();
            workers.ForEach(w => w.Join());
        }

        state.ThrowIfFailed();
        cancellation.ThrowIfCancellationRequested();
        return table;
    }

    private static (int Point, int Run, int Path)[] Jobs(SweepSetup setup, SweepShard? shard)
    {
        var runs = shard?.Runs(setup.Runs) ?? Enumerable.Range(0, setup.Runs).ToList();
        return setup.Points
            .SelectMany(point => runs.SelectMany(run => setup.Paths.Select((_, path) => (point.Index, run, path))))
            .ToArray();
    }

    private static void Work(
        SweepSetup setup,
        IReadOnlyList<WorldSpec> worlds,
        (int Point, int Run, int Path)[] jobs,
        RunOptions options,
        Func<string, WorldSpec, ulong, RunOptions, PathResult> runPath,
        ReplicationTable table,
        WorkState state)
    {
        while (state.TryTake(out var index))
        {
            var (point, run, path) = jobs[index];
            var seed = SweepSetup.ReplicationSeed(setup.Seed, run);
            try
            {
                var result = runPath(setup.Paths[path], worlds[point], seed, options);
                table.Set(point, path, run, ReplicationMetrics.From(result));
                state.Done();
            }
            catch (OperationCanceledException)
            {
                state.Stop();
            }
#pragma warning disable CA1031 // A worker thread must not die with an exception: it is handed to the waiting thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                state.Fail(index, new ReplicationFailedException(point, setup.Paths[path], run, seed, e));
            }
        }
    }

    /// <summary>Given to every run as its progress sink: the simulation's only place to notice Ctrl-C.</summary>
    private sealed class CancellationCheck(WorkState state, CancellationToken cancellation) : IProgress<double>
    {
        public void Report(double value)
        {
            if (state.IsStopped)
            {
                throw new OperationCanceledException("the sweep is stopping");
            }

            cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The shared counter and the first failure, behind one lock where it matters.</summary>
    private sealed class WorkState(int jobCount) : IDisposable
    {
        private readonly Lock _gate = new();
        private int _next = -1;
        private int _done;
        private volatile bool _stopped;
        private (int Job, Exception Error)? _failure;

        public ManualResetEventSlim Finished { get; } = new(jobCount == 0);

        public bool IsStopped => _stopped;

        public double Fraction => jobCount == 0 ? 1 : Volatile.Read(ref _done) / (double)jobCount;

        public bool TryTake(out int index)
        {
            index = Interlocked.Increment(ref _next);
            return !_stopped && index < jobCount;
        }

        public void Done()
        {
            if (Interlocked.Increment(ref _done) == jobCount)
            {
                Finished.Set();
            }
        }

        public void Stop()
        {
            _stopped = true;
            Finished.Set();
        }

        public void Fail(int job, Exception error)
        {
            lock (_gate)
            {
                if (_failure is not { } first || job < first.Job)
                {
                    _failure = (job, error);
                }
            }

            Stop();
        }

        public void Dispose() => Finished.Dispose();

        public void ThrowIfFailed()
        {
            lock (_gate)
            {
                if (_failure is { } failure)
                {
                    ExceptionDispatchInfo.Throw(failure.Error);
                }
            }
        }
    }
}
