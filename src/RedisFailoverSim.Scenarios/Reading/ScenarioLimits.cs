using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>An upper bound on a number key, with the words an error shows and the reason for it.</summary>
public readonly record struct Limit(double Value, string Text, string Why);

/// <summary>An upper bound on a duration key, with the words an error shows and the reason for it.</summary>
public readonly record struct DurationLimit(SimDuration Value, string Text, string Why);

/// <summary>
/// The largest values the loader accepts, so that <c>validate</c> refuses what <c>run</c> could not simulate (an
/// overflowing interval, a network delay of months). Each is far past anything real; where the bound is Redis's own
/// it cites it, otherwise it says why the simulation stops there (docs/sources.md §10.1, §10.3).
/// </summary>
public static class ScenarioLimits
{
    /// <summary>The least per-client rate: below it a run has no write to count.</summary>
    public const double MinRatePerClient = 0.001;

    /// <summary>Writes per second per client.</summary>
    public static readonly Limit RatePerClient = new(
        1e7, "10000000", "the simulator's bound, docs/sources.md §10.3: no client of one Redis primary writes faster");

    /// <summary>Client, phase and traffic-burst rate multipliers.</summary>
    public static readonly Limit RateMultiplier = new(1e6, "1000000", "a larger factor only overflows the write schedule");

    /// <summary>A value's size: Redis's proto-max-bulk-len default (docs/sources.md §10.1).</summary>
    public const long ValueSizeBytes = 512L * 1024 * 1024;

    /// <summary>Why <see cref="ValueSizeBytes"/>.</summary>
    public const string ValueSizeWhy = "512mb, the largest string Redis accepts by default: proto-max-bulk-len";

    /// <summary>One AOF fsync: past a minute the disk has failed, which the model does not claim to describe.</summary>
    public static readonly DurationLimit FsyncTime = new(
        SimDuration.FromSeconds(60), "60s", "an fsync that takes longer than a minute is a failed disk, not a slow one");

    /// <summary>Median one-way network delays.</summary>
    public static readonly DurationLimit NetworkMedian = new(
        SimDuration.FromSeconds(60), "60s", "a one-way delay past a minute is an outage, model it as a partition");

    /// <summary>The log-normal sigma of network delays.</summary>
    public static readonly Limit NetworkSigma = new(
        3, "3", "at sigma 3 the P99 delay is already about 1,000 times the median");

    /// <summary>
    /// A log-packet-loss rate: from 0.9 on, a message needs more than 20 retransmissions one time in eight, minutes of
    /// backed-off timers; that is a cut link (docs/sources.md §6.2).
    /// </summary>
    public static readonly Limit LossRate = new(0.9, "0.9", "at a higher rate the link is cut: model it with isolate");

    /// <summary>A log-brownout drop rate: a fraction, 1 drops every append.</summary>
    public static readonly Limit DropRate = new(1, "1", "a fraction of the appends");

    /// <summary>The delay a log gray failure adds to each answer: past a minute the log is down, not slow.</summary>
    public static readonly DurationLimit LogExtraLatency = new(
        SimDuration.FromSeconds(60), "60s", "an answer later than a minute is a log that is down: use log-brownout with drop-rate 1");

    /// <summary>A scenario file, in bytes: the bundled ones are 2–4 kB.</summary>
    public const long FileBytes = 1024 * 1024;

    /// <summary>A scenario description, in characters (copied into results.json, the report and the timeline).</summary>
    public const int DescriptionLength = 4000;
}
