using RedisFailoverSim.Model.Specs;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>What a topology member is.</summary>
internal enum MemberKind
{
    Node,
    Sentinel,
    Client,
}

/// <summary>A node, Sentinel or client as read, with the YAML node to point messages at.</summary>
internal sealed record Member(string Name, string Az, MemberKind Kind, YamlNode At);

/// <summary>The topology as read so far; <see cref="IsComplete"/> is false when a part of it had problems.</summary>
internal sealed class Topology
{
    public List<string> Azs { get; } = [];

    public List<NodeSpec> Nodes { get; } = [];

    public List<SentinelSpec> Sentinels { get; } = [];

    public List<ClientSpec> Clients { get; } = [];

    /// <summary>The <c>client:</c> mapping of a client listed with its own library settings, by client index.</summary>
    public SortedDictionary<int, MappingReader> ClientSections { get; } = [];

    /// <summary>Every member in declaration order: nodes, then Sentinels, then clients.</summary>
    public List<Member> Members { get; } = [];

    /// <summary>Where the Sentinels were listed (for quorum messages), or null when none were.</summary>
    public YamlNode? SentinelsAt { get; set; }

    /// <summary>The <c>topology:</c> mapping, or null when it is missing.</summary>
    public YamlNode? At { get; set; }

    /// <summary>False when part of the topology could not be read: checks that need all of it are skipped.</summary>
    public bool IsComplete { get; set; } = true;

    public bool IsAz(string name) => Azs.Contains(name, StringComparer.Ordinal);

    public Member? FindMember(string name) => Members.FirstOrDefault(m => m.Name == name);

    public IEnumerable<string> NodeNames => Nodes.Select(n => n.Name);
}
