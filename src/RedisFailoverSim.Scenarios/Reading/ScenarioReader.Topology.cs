using RedisFailoverSim.Model.Specs;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>The <c>topology:</c> section: AZs, nodes, Sentinels, clients.</summary>
internal sealed partial class ScenarioReader
{
    private const string NameRule = "of letters, digits, '.', '_' or '-'";

    private Topology ReadTopology(MappingReader top, bool clusterMode)
    {
        var topology = new Topology();
        var section = top.Mapping("topology", ScenarioKeys.Topology, required: true);
        if (section is null)
        {
            topology.IsComplete = false;
            return topology;
        }

        topology.At = section.Node;
        ReadAzs(section, topology);
        if (!clusterMode)
        {
            // A cluster places its own nodes (ReadCluster); CheckClusterFits reports nodes or sentinels listed anyway.
            ReadNodes(section, topology);
            ReadSentinels(section, topology);
        }

        ReadClients(section, topology);
        return topology;
    }

    private void ReadAzs(MappingReader section, Topology topology)
    {
        var azs = section.Sequence("azs", "a list of AZ names, e.g. [az-a, az-b, az-c]", required: true);
        if (azs is null)
        {
            topology.IsComplete = false;
            return;
        }

        if (azs.Children.Count == 0)
        {
            _document.Report(azs, "topology.azs: expected at least one AZ");
            topology.IsComplete = false;
        }

        for (var i = 0; i < azs.Children.Count; i++)
        {
            var entry = azs.Children[i];
            if (entry is not YamlScalarNode { Value: { } name } || !IsValidName(name))
            {
                _document.Report(entry, $"topology.azs[{i}]: expected an AZ name {NameRule}; found {MappingReader.Describe(entry)}");
                topology.IsComplete = false;
            }
            else if (topology.IsAz(name))
            {
                _document.Report(entry, $"topology.azs[{i}]: AZ '{name}' is listed twice");
            }
            else
            {
                topology.Azs.Add(name);
            }
        }
    }

    private void ReadNodes(MappingReader section, Topology topology)
    {
        var nodes = section.Sequence("nodes", "a list of nodes, each {name, az, primary, replica-priority}", required: true);
        if (nodes is null)
        {
            topology.IsComplete = false;
            return;
        }

        var primaries = new List<(string Name, YamlNode At)>();
        for (var i = 0; i < nodes.Children.Count; i++)
        {
            var entry = MemberMapping(nodes.Children[i], $"topology.nodes[{i}]", ScenarioKeys.Node, "{name, az, primary, replica-priority}");
            var member = entry is null ? null : ReadMember(entry, MemberKind.Node, topology);
            if (entry is null || member is null)
            {
                topology.IsComplete = false;
                continue;
            }

            var primary = entry.Boolean("primary") ?? false;
            var priority = entry.Integer("replica-priority", 0, int.MaxValue);
            if (primary)
            {
                primaries.Add((member.Name, entry.Get("primary")!));
            }

            // replica-priority defaults to redis.conf's 100 (docs/sources.md §1.6), NodeSpec's documented default.
            topology.Nodes.Add(priority is { } p
                ? new NodeSpec(member.Name, member.Az, primary, (int)p)
                : new NodeSpec(member.Name, member.Az, primary));
        }

        if (nodes.Children.Count == 0)
        {
            _document.Report(nodes, "topology.nodes: expected at least one node");
            topology.IsComplete = false;
        }
        else if (primaries.Count == 0 && topology.IsComplete)
        {
            _document.Report(nodes, "topology.nodes: expected exactly one node with 'primary: true'; found none");
        }

        foreach (var (name, at) in primaries.Skip(1))
        {
            _document.Report(
                at,
                $"topology.nodes: expected exactly one node with 'primary: true'; found {primaries.Count} "
                + $"({string.Join(", ", primaries.Select(p => p.Name))}); '{name}' is the extra one");
        }
    }

    private void ReadSentinels(MappingReader section, Topology topology)
    {
        var node = section.Get("sentinels");
        topology.SentinelsAt = node;
        foreach (var (name, az) in ReadMemberList(section, "sentinels", "s", MemberKind.Sentinel, ScenarioKeys.SentinelMember, topology))
        {
            topology.Sentinels.Add(new SentinelSpec(name, az));
        }
    }

    private void ReadClients(MappingReader section, Topology topology)
    {
        if (!section.Has("clients"))
        {
            section.ReportMissing("clients", "a list of clients, each {name, az, rate-multiplier, client}, or a count per AZ");
            topology.IsComplete = false;
            return;
        }

        foreach (var (name, az, multiplier, own) in ReadMemberListWithRate(section, topology))
        {
            // rate-multiplier defaults to 1, ClientSpec's documented default.
            if (own is not null)
            {
                topology.ClientSections[topology.Clients.Count] = own;
            }

            topology.Clients.Add(multiplier is { } m ? new ClientSpec(name, az, m) : new ClientSpec(name, az));
        }

        if (topology.IsComplete && topology.Clients.Count == 0)
        {
            _document.Report(section.Get("clients")!, "topology.clients: expected at least one client (someone must write)");
        }
    }

    private IEnumerable<(string Name, string Az, double? Multiplier, MappingReader? Client)> ReadMemberListWithRate(MappingReader section, Topology topology)
    {
        var result = new List<(string, string, double?, MappingReader?)>();
        if (section.Get("clients") is YamlSequenceNode list)
        {
            for (var i = 0; i < list.Children.Count; i++)
            {
                var entry = MemberMapping(list.Children[i], $"topology.clients[{i}]", ScenarioKeys.ClientMember, "{name, az, rate-multiplier, client}");
                var member = entry is null ? null : ReadMember(entry, MemberKind.Client, topology);
                if (entry is null || member is null)
                {
                    topology.IsComplete = false;
                    continue;
                }

                result.Add((member.Name, member.Az, entry.Number("rate-multiplier", 0, inclusive: false, max: ScenarioLimits.RateMultiplier),
                    entry.Mapping("client", ScenarioKeys.Client)));
            }

            return result;
        }

        return ReadMemberList(section, "clients", "c", MemberKind.Client, ScenarioKeys.ClientMember, topology)
            .Select(m => (m.Name, m.Az, (double?)null, (MappingReader?)null))
            .ToList();
    }

    /// <summary>
    /// Sentinels or clients, in either form: a list of <c>{name, az}</c> mappings, or a count per AZ
    /// (<c>{az-a: 2, az-b: 1}</c>) that generates <c>s1</c>, <c>s2</c>, … in the order of <c>topology.azs</c>.
    /// </summary>
    private List<(string Name, string Az)> ReadMemberList(
        MappingReader section, string key, string prefix, MemberKind kind, string[] keys, Topology topology)
    {
        var result = new List<(string, string)>();
        switch (section.Get(key))
        {
            case null:
                return result;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var entry = MemberMapping(list.Children[i], $"topology.{key}[{i}]", keys, "{" + string.Join(", ", keys) + "}");
                    var member = entry is null ? null : ReadMember(entry, kind, topology);
                    if (member is null)
                    {
                        topology.IsComplete = false;
                        continue;
                    }

                    result.Add((member.Name, member.Az));
                }

                return result;
            case YamlMappingNode counts:
                return ReadCounts(counts, key, prefix, kind, topology);
            case var other:
                section.Report(key, $"expected a list of {key} or a count per AZ (e.g. {{az-a: 1, az-b: 1}}); found {MappingReader.Describe(other)}");
                topology.IsComplete = false;
                return result;
        }
    }

    private List<(string Name, string Az)> ReadCounts(YamlMappingNode counts, string key, string prefix, MemberKind kind, Topology topology)
    {
        var result = new List<(string, string)>();
        if (topology.Azs.Count == 0)
        {
            topology.IsComplete = false;
            return result;
        }

        var perAz = new Dictionary<string, (int Count, YamlNode At)>(StringComparer.Ordinal);
        var reader = new MappingReader(_document, counts, $"topology.{key}", topology.Azs);
        foreach (var az in topology.Azs)
        {
            if (reader.Integer(az, 0, 1000) is { } count)
            {
                perAz[az] = ((int)count, reader.Get(az)!);
            }
            else if (reader.Has(az))
            {
                topology.IsComplete = false;
            }
        }

        if (counts.Children.Count != perAz.Count)
        {
            topology.IsComplete = false;
        }

        foreach (var az in topology.Azs.Where(perAz.ContainsKey))
        {
            for (var i = 0; i < perAz[az].Count; i++)
            {
                var name = $"{prefix}{result.Count + 1}";
                result.Add((name, az));
                topology.Members.Add(new Member(name, az, kind, perAz[az].At));
            }
        }

        return result;
    }

    private MappingReader? MemberMapping(YamlNode node, string path, string[] keys, string shape)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(_document, mapping, path, keys);
        }

        _document.Report(node, $"{path}: expected a mapping {shape}; found {MappingReader.Describe(node)}");
        return null;
    }

    private Member? ReadMember(MappingReader entry, MemberKind kind, Topology topology)
    {
        var name = entry.Text("name", $"a name {NameRule}", required: true, IsValidName);
        var az = entry.Text("az", "an AZ name from topology.azs", required: true);
        if (az is not null && topology.Azs.Count > 0 && !topology.IsAz(az))
        {
            var hint = Suggestions.DidYouMean(az, topology.Azs);
            entry.Report("az", $"expected an AZ from topology.azs ({string.Join(", ", topology.Azs)}); found '{az}'{hint}");
            az = null;
        }

        if (name is null || az is null)
        {
            return null;
        }

        var member = new Member(name, az, kind, entry.Get("name")!);
        topology.Members.Add(member);
        return member;
    }

    /// <summary>Names are unique across nodes, Sentinels and clients, and differ from AZ names and <c>primary</c>.</summary>
    internal void CheckNames(Topology topology)
    {
        var seen = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var member in topology.Members)
        {
            if (seen.TryGetValue(member.Name, out var first))
            {
                _document.Report(
                    member.At,
                    $"topology: name '{member.Name}' is used twice (first by a {Word(first.Kind)} at line {first.At.Start.Line}); "
                    + "names must be unique across nodes, sentinels and clients");
            }
            else if (topology.IsAz(member.Name) || member.Name == "primary")
            {
                var clash = member.Name == "primary" ? "the target word 'primary'" : "an AZ name";
                _document.Report(
                    member.At,
                    $"topology: the {Word(member.Kind)} name '{member.Name}' is also {clash}; fault targets could not tell them apart");
            }
            else
            {
                seen[member.Name] = member;
            }
        }
    }

    private static string Word(MemberKind kind) => kind switch
    {
        MemberKind.Node => "node",
        MemberKind.Sentinel => "sentinel",
        MemberKind.Client => "client",
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}
