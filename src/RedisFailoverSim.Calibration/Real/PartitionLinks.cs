using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// The directed links a partition fault cuts, by member name, and the label the report gives it: shared by the
/// Sentinel runs (<see cref="RealFaultInjector"/>) and the Redis Cluster runs (RealCluster/RealClusterRun.Partition),
/// so that both resolve a fault's members as the model's FaultInjector does.
/// </summary>
internal static class PartitionLinks
{
    /// <summary>
    /// The links <paramref name="fault"/> (isolate, partition or one-way) cuts among <paramref name="members"/>, and its
    /// label, e.g. <c>isolate {n1,c1}</c> or <c>partition {n1.1,c1} | {n1.2,…}</c>.
    /// </summary>
    public static (List<(string From, string To)> Links, string Label) Of(
        FaultSpec fault, IReadOnlyList<(string Name, string Az)> members, (string Name, string Az)? primary)
    {
        switch (fault.Kind)
        {
            case FaultKind.Isolate:
                {
                    var inside = Resolve(fault.Target, members, primary);
                    var outside = members.Where(m => !inside.Contains(m)).ToList();
                    return (Between(inside, outside, bothWays: true), $"isolate {Braced(inside)}");
                }

            case FaultKind.Partition:
            case FaultKind.OneWay:
                {
                    bool oneWay = fault.Kind == FaultKind.OneWay;
                    var groups = Groups(fault.Target, members);
                    var links = new List<(string, string)>();
                    for (int a = 0; a < groups.Count; a++)
                    {
                        for (int b = 0; b < groups.Count; b++)
                        {
                            if (a != b && (!oneWay || (a == 0 && b == 1)))
                            {
                                links.AddRange(Between(groups[a], groups[b], bothWays: false));
                            }
                        }
                    }

                    string label = (oneWay ? "one-way cut " : "partition ") + string.Join(oneWay ? " → " : " | ", groups.Select(Braced));
                    return (links, label);
                }

            default:
                throw new CalibrationSetupException($"fault '{fault.Kind}' cuts no links");
        }
    }

    /// <summary>As the model's FaultInjector resolves a target: the primary, a member by name, or an AZ's members.</summary>
    public static List<(string Name, string Az)> Resolve(FaultTarget target, IReadOnlyList<(string Name, string Az)> members, (string Name, string Az)? primary) => target.Kind switch
    {
        FaultTargetKind.Primary => primary is { } p ? [p] : [],
        FaultTargetKind.Member => members.Where(m => m.Name == target.Name).ToList(),
        FaultTargetKind.Az => members.Where(m => m.Az == target.Name).ToList(),
        _ => throw new CalibrationSetupException("fault target kind not valid here: " + target.Kind),
    };

    /// <summary>Each member goes to the group naming it, else to the group naming its AZ; others are not cut (as the model).</summary>
    public static List<List<(string Name, string Az)>> Groups(FaultTarget target, IReadOnlyList<(string Name, string Az)> members)
    {
        var groups = target.Groups.Select(_ => new List<(string Name, string Az)>()).ToList();
        foreach (var member in members)
        {
            int byName = -1;
            int byAz = -1;
            for (int g = 0; g < target.Groups.Count; g++)
            {
                byName = target.Groups[g].Contains(member.Name) ? g : byName;
                byAz = target.Groups[g].Contains(member.Az) ? g : byAz;
            }

            int group = byName >= 0 ? byName : byAz;
            if (group >= 0)
            {
                groups[group].Add(member);
            }
        }

        return groups;
    }

    private static List<(string From, string To)> Between(IReadOnlyList<(string Name, string Az)> a, IReadOnlyList<(string Name, string Az)> b, bool bothWays)
    {
        var links = new List<(string, string)>();
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.Name == y.Name)
                {
                    continue;
                }

                links.Add((x.Name, y.Name));
                if (bothWays)
                {
                    links.Add((y.Name, x.Name));
                }
            }
        }

        return links;
    }

    private static string Braced(IEnumerable<(string Name, string Az)> members) => "{" + string.Join(",", members.Select(m => m.Name)) + "}";
}
