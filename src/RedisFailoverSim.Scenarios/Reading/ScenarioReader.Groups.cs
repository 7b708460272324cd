using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// The <c>groups:</c> of a partition or one-way cut. Entries are AZ or member names; a member is placed by its
/// own name first, then by its AZ. A partition must place every member in exactly one group; a one-way cut has
/// exactly two groups (group 0 → group 1) and leaves unplaced members untouched. The result keeps the entries as
/// written: the simulation places its members by the same rule, including the service members a path adds in an AZ
/// (MemoryDB's log replicas, Serverless proxies), which a list of the scenario's own member names would leave
/// connected to both sides.
/// </summary>
internal sealed partial class ScenarioReader
{
    private FaultTarget? ReadGroups(MappingReader fault, FaultKind kind, Topology topology)
    {
        var isPartition = kind == FaultKind.Partition;
        var shape = isPartition
            ? "a list of groups of AZ or member names, e.g. [[az-a], [az-b, az-c]]"
            : "two groups of AZ or member names, from and to, e.g. [[az-a], [az-b, az-c]]";
        var list = fault.Sequence("groups", shape, required: true);
        if (list is null)
        {
            return null;
        }

        var path = fault.PathOf("groups");
        var countOk = isPartition ? list.Children.Count >= 2 : list.Children.Count == 2;
        if (!countOk)
        {
            var wanted = isPartition ? "at least two groups" : "exactly two groups (cut from group 0 to group 1)";
            _document.Report(list, $"{path}: expected {wanted}; found {list.Children.Count}");
            return null;
        }

        var entries = ReadGroupEntries(list, path, topology);
        if (entries is null || !topology.IsComplete)
        {
            return null;
        }

        var placed = new List<List<string>>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            placed.Add([]);
        }

        var complete = true;
        foreach (var member in topology.Members)
        {
            // Entries are unique (checked above), so a member matches at most one by name and one by AZ.
            var entry = entries.FirstOrDefault(e => e.Name == member.Name) ?? entries.FirstOrDefault(e => e.Name == member.Az);
            if (entry is not null)
            {
                placed[entry.Group].Add(member.Name);
            }
            else if (isPartition)
            {
                _document.Report(
                    list,
                    $"{path}: the {Word(member.Kind)} '{member.Name}' (in {member.Az}) is in no group; "
                    + $"add '{member.Az}' or '{member.Name}' to one of the groups");
                complete = false;
            }
        }

        // A control plane named in a group is a member of it (it exists on the managed paths only).
        foreach (var entry in entries.Where(e => ServiceMembers.IsServiceMember(e.Name)))
        {
            placed[entry.Group].Add(entry.Name);
        }

        for (var i = 0; i < placed.Count && complete; i++)
        {
            if (placed[i].Count == 0)
            {
                _document.Report(
                    list.Children[i],
                    $"{path}[{i}]: this group ends up holding no member (its members are placed by name in other groups)");
                complete = false;
            }
        }

        var written = Enumerable.Range(0, list.Children.Count)
            .Select(i => (IReadOnlyList<string>)entries.Where(e => e.Group == i).Select(e => e.Name).ToList())
            .ToList();
        return complete ? FaultTarget.Split(written) : null;
    }

    private sealed record GroupEntry(string Name, int Group, YamlNode At);

    private List<GroupEntry>? ReadGroupEntries(YamlSequenceNode list, string path, Topology topology)
    {
        var entries = new List<GroupEntry>();
        var complete = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlSequenceNode group || group.Children.Count == 0)
            {
                _document.Report(
                    list.Children[i],
                    $"{path}[{i}]: expected a non-empty list of AZ or member names, e.g. [az-a] or [n1, s1]; "
                    + $"found {MappingReader.Describe(list.Children[i])}");
                complete = false;
                continue;
            }

            for (var j = 0; j < group.Children.Count; j++)
            {
                var node = group.Children[j];
                var name = (node as YamlScalarNode)?.Value;
                if (name is null || (topology.IsComplete && !topology.IsAz(name) && topology.FindMember(name) is null && !ServiceMembers.IsServiceMember(name)))
                {
                    var candidates = topology.Azs.Concat(topology.Members.Select(m => m.Name)).Concat(ServiceMembers.Names);
                    var hint = node is YamlScalarNode { Value: { } text } ? Suggestions.DidYouMean(text, candidates) : "";
                    _document.Report(
                        node,
                        $"{path}[{i}][{j}]: expected an AZ ({string.Join(", ", topology.Azs)}), a node, sentinel or client name, or a control plane "
                        + $"({string.Join(", ", ServiceMembers.Names)}); "
                        + $"found {MappingReader.Describe(node)}{hint}");
                    complete = false;
                    continue;
                }

                if (entries.FirstOrDefault(e => e.Name == name) is { } earlier)
                {
                    _document.Report(node, $"{path}[{i}][{j}]: '{name}' is already listed in group {earlier.Group}");
                    complete = false;
                    continue;
                }

                entries.Add(new GroupEntry(name, i, node));
            }
        }

        return complete ? entries : null;
    }
}
