using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>The <c>workload:</c> section: the open write stream and its rate phases.</summary>
internal sealed partial class ScenarioReader
{
    private WorkloadSpec? ReadWorkload(MappingReader top, RequestedPaths paths)
    {
        var section = top.Mapping("workload", ScenarioKeys.Workload, required: true);
        if (section is null)
        {
            return null;
        }

        var rate = section.Number("rate", ScenarioLimits.MinRatePerClient, inclusive: true, required: true, max: ScenarioLimits.RatePerClient);
        var arrival = ReadArrival(section);
        var duration = section.Duration("duration", required: true);
        var valueBytes = section.Size("value-size", ScenarioLimits.ValueSizeBytes, required: true, why: ScenarioLimits.ValueSizeWhy);
        var phases = ReadPhases(section, duration);
        var keys = ReadKeys(section);
        var wait = ReadWait(section, paths, out bool waitOk);
        if (rate is null || arrival is null || duration is null || valueBytes is null || phases is null || keys is null || !waitOk)
        {
            return null;
        }

        return new WorkloadSpec(rate.Value, arrival.Value, duration.Value, (int)valueBytes.Value, phases) { Keys = keys, Wait = wait };
    }

    /// <summary>
    /// <c>workload.keys</c>: how many keys the writes hit and how often each (they decide a cluster's slots). Omitted:
    /// the Model's default key space (assumption A77).
    /// </summary>
    private KeySpaceSpec? ReadKeys(MappingReader section)
    {
        var d = KeySpaceSpec.Default;
        if (section.Mapping("keys", ScenarioKeys.Keys) is not { } k)
        {
            return section.Has("keys") ? null : d;
        }

        var count = k.Integer("count", 1, MaxKeys);
        var text = k.Scalar("distribution", "uniform, zipf or hot-key");
        KeyDistribution? distribution = text switch
        {
            null => k.Has("distribution") ? null : d.Distribution,
            "uniform" => KeyDistribution.Uniform,
            "zipf" => KeyDistribution.Zipf,
            "hot-key" => KeyDistribution.HotKey,
            _ => null,
        };
        if (text is not null && distribution is null)
        {
            k.Report("distribution", $"expected uniform, zipf or hot-key; found '{text}'{Suggestions.DidYouMean(text, ["uniform", "zipf", "hot-key"])}");
        }

        var skew = k.Number("skew", 0, inclusive: false, max: new Limit(10, "10", "past it nearly every write hits key:0"));
        var hotShare = k.Number("hot-share", 0, inclusive: false, max: new Limit(1, "1", "a share of the writes"));
        if (skew is not null && distribution != KeyDistribution.Zipf)
        {
            k.Report("skew", "applies only to 'distribution: zipf'");
        }

        if (hotShare is not null && distribution != KeyDistribution.HotKey)
        {
            k.Report("hot-share", "applies only to 'distribution: hot-key'");
        }

        if ((k.Has("count") && count is null) || distribution is null || (k.Has("skew") && skew is null) || (k.Has("hot-share") && hotShare is null))
        {
            return null;
        }

        return new KeySpaceSpec((int)(count ?? d.Count), distribution.Value, skew ?? d.Skew, hotShare ?? d.HotShare);
    }

    /// <summary>Keys a scenario may name: every key's slot is computed at setup (4 bytes of memory each).</summary>
    private const int MaxKeys = 10_000_000;

    private static ArrivalProcess? ReadArrival(MappingReader section)
    {
        var text = section.Scalar("arrival", "constant or poisson");
        switch (text)
        {
            case null:
                // Not a number, so no Model default is needed: evenly spaced writes are the plain reading of "rate".
                return section.Has("arrival") ? null : ArrivalProcess.Constant;
            case "constant":
                return ArrivalProcess.Constant;
            case "poisson":
                return ArrivalProcess.Poisson;
            default:
                section.Report("arrival", $"expected constant or poisson; found '{text}'{Suggestions.DidYouMean(text, ["constant", "poisson"])}");
                return null;
        }
    }

    private List<RatePhase>? ReadPhases(MappingReader section, SimDuration? workloadDuration)
    {
        var phases = new List<RatePhase>();
        var list = section.Sequence("phases", "a list of phases, each {at, rate-multiplier, ramp}");
        if (list is null)
        {
            return section.Has("phases") ? null : phases;
        }

        var complete = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"workload.phases[{i}]";
            if (list.Children[i] is not YamlMappingNode mapping)
            {
                var found = MappingReader.Describe(list.Children[i]);
                _document.Report(list.Children[i], $"{path}: expected a mapping {{at, rate-multiplier, ramp}}; found {found}");
                complete = false;
                continue;
            }

            var phase = new MappingReader(_document, mapping, path, ScenarioKeys.Phase);
            var at = phase.Duration("at", required: true, allowZero: true);
            var multiplier = phase.Number("rate-multiplier", 0, inclusive: false, required: true, max: ScenarioLimits.RateMultiplier);
            var ramp = phase.Duration("ramp", allowZero: true) ?? (phase.Has("ramp") ? null : SimDuration.Zero);
            if (at is null || multiplier is null || ramp is null)
            {
                complete = false;
                continue;
            }

            if (workloadDuration is { } total && at.Value + ramp.Value > total)
            {
                phase.Report("at", $"expected the phase (at {at} plus ramp {ramp}) to end within the workload's duration ({total})");
                complete = false;
                continue;
            }

            if (phases.Count > 0 && IsBeforePreviousPhaseEnds(at.Value, phases[^1]))
            {
                var previousEnd = phases[^1].At.SinceStart + phases[^1].RampDuration;
                phase.Report(
                    "at",
                    $"expected phases in time order, each starting after the previous one (at {phases[^1].At.SinceStart}) "
                    + $"and its ramp (until {previousEnd}); found {at}");
                complete = false;
                continue;
            }

            phases.Add(new RatePhase(SimTime.FromStart(at.Value), multiplier.Value, ramp.Value));
        }

        return complete ? phases : null;
    }

    private static bool IsBeforePreviousPhaseEnds(SimDuration at, RatePhase previous) =>
        at <= previous.At.SinceStart || at < previous.At.SinceStart + previous.RampDuration;
}
