using System.Globalization;
using RedisFailoverSim.Scenarios.Reading;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Prices;

/// <summary>
/// Turns a price file's YAML tree into a <see cref="PriceCatalog"/>, reporting every problem with its line: unknown
/// keys, a price without a known source, a node price for a type the file does not describe, a unit that does not
/// fit the item, the same price twice.
/// </summary>
internal sealed class PriceReader(ScenarioDocument document)
{
    private static readonly string[] TopKeys = ["region", "hours-per-month", "sources", "node-types", "prices"];
    private static readonly string[] SourceKeys = ["url", "read", "status", "says"];
    private static readonly string[] NodeKeys = ["name", "memory-gib", "baseline-gbps", "source"];
    private static readonly string[] PriceKeys =
        ["item", "type", "engine", "term", "price", "unit", "source", "minimum-gb", "free-gb-per-month", "note"];

    private static readonly string[] Statuses = ["sourced", "third-party", "derived", "assumption"];

    private readonly ScenarioDocument _document = document;

    // Sources and node types given but invalid: already reported, so prices naming them say nothing more.
    private readonly HashSet<string> _invalid = new(StringComparer.Ordinal);

    public PriceCatalog? Read(YamlMappingNode root)
    {
        var top = new MappingReader(_document, root, "", TopKeys);
        var region = top.Text("region", "an AWS region such as us-east-1", required: true);
        var hours = top.Number("hours-per-month", 0, inclusive: false) ?? 730;
        var sources = ReadSources(top);
        var nodes = ReadNodeTypes(top, sources);
        var prices = ReadPrices(top, sources, nodes);
        if (_document.HasProblems || region is null)
        {
            return null;
        }

        return new PriceCatalog(_document.File, region, hours, sources.Values.OrderBy(s => s.Line).Select(s => s.Source).ToList(), nodes, prices);
    }

    private Dictionary<string, (PriceSource Source, long Line)> ReadSources(MappingReader top)
    {
        var sources = new Dictionary<string, (PriceSource, long)>(StringComparer.Ordinal);
        var section = top.Get("sources");
        if (section is not YamlMappingNode mapping)
        {
            if (section is null)
            {
                top.ReportMissing("sources", "a mapping of source ids to {url, read, status, says}");
            }
            else
            {
                top.Report("sources", $"expected a mapping of source ids; found {MappingReader.Describe(section)}");
            }

            return sources;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var id = (key as YamlScalarNode)?.Value ?? "";
            if (value is not YamlMappingNode entry)
            {
                _document.Report(value, $"sources.{id}: expected a mapping {{url, read, status, says}}; found {MappingReader.Describe(value)}");
                continue;
            }

            var reader = new MappingReader(_document, entry, $"sources.{id}", SourceKeys);
            var url = reader.Text("url", "the page or file read (http or https)", required: true, t => t.StartsWith("https://", StringComparison.Ordinal) || t.StartsWith("http://", StringComparison.Ordinal));
            var read = reader.Text("read", "the date it was read, YYYY-MM-DD", required: true, IsDate);
            var status = Choice(reader, "status", Statuses, required: true);
            var says = reader.Text("says", "what the source says, in a sentence", required: true);
            if (url is not null && read is not null && status is not null && says is not null)
            {
                sources[id] = (new PriceSource(id, url, read, StatusOf(status), says), key.Start.Line);
            }
            else
            {
                _invalid.Add(id);
            }
        }

        return sources;
    }

    private List<NodeType> ReadNodeTypes(MappingReader top, Dictionary<string, (PriceSource Source, long Line)> sources)
    {
        var nodes = new List<NodeType>();
        var list = top.Sequence("node-types", "a list of node types, each {name, memory-gib, baseline-gbps, source}");
        for (var i = 0; list is not null && i < list.Children.Count; i++)
        {
            if (Entry(list.Children[i], $"node-types[{i}]", NodeKeys) is not { } reader)
            {
                continue;
            }

            var name = reader.Text("name", "a node or instance type such as cache.r7g.large", required: true);
            var memory = reader.Number("memory-gib", 0, inclusive: false, required: true);
            var gbps = reader.Number("baseline-gbps", 0, inclusive: false);
            var source = Source(reader, sources);
            if (name is not null && nodes.Any(n => n.Name == name))
            {
                reader.Report("name", $"'{name}' is described twice");
            }
            else if (name is not null && memory is not null && source is not null)
            {
                nodes.Add(new NodeType(name, memory.Value, gbps, source));
            }
            else if (name is not null)
            {
                _invalid.Add(name);
            }
        }

        return nodes;
    }

    private List<Price> ReadPrices(MappingReader top, Dictionary<string, (PriceSource Source, long Line)> sources, List<NodeType> nodes)
    {
        var prices = new List<Price>();
        var list = top.Sequence("prices", "a list of prices, each {item, price, unit, source, …}", required: true);
        for (var i = 0; list is not null && i < list.Children.Count; i++)
        {
            if (Entry(list.Children[i], $"prices[{i}]", PriceKeys) is not { } reader)
            {
                continue;
            }

            var item = Choice(reader, "item", PriceItems.Units.Keys.ToArray(), required: true);
            var value = reader.Number("price", 0, inclusive: true, required: true);
            var source = Source(reader, sources);
            if (item is null)
            {
                continue;
            }

            var unit = Choice(reader, "unit", PriceItems.Units[item], required: true);
            var type = ReadType(reader, item, nodes);
            var engine = PriceItems.NeedsEngine(item) ? Choice(reader, "engine", PriceItems.Engines, required: true) : NotAllowed(reader, "engine", item);
            var term = PriceItems.IsNode(item) ? Choice(reader, "term", PriceItems.Terms, required: true) : NotAllowed(reader, "term", item);
            var minimum = reader.Number("minimum-gb", 0, inclusive: true);
            var free = reader.Number("free-gb-per-month", 0, inclusive: true);
            if (value is null || source is null || unit is null || (PriceItems.IsNode(item) && (type is null || term is null))
                || (PriceItems.NeedsEngine(item) && engine is null))
            {
                continue;
            }

            if (prices.FirstOrDefault(p => p.Item == item && p.Type == type && p.Engine == engine && p.Term == term) is { } earlier)
            {
                reader.Report("item", $"the same price is given twice (first on line {earlier.Line})");
                continue;
            }

            prices.Add(new Price(item, type, engine, term, value.Value, unit, source, (int)reader.Node.Start.Line)
            {
                MinimumGb = minimum,
                FreeGbPerMonth = free,
            });
        }

        return prices;
    }

    private string? ReadType(MappingReader reader, string item, List<NodeType> nodes)
    {
        if (!PriceItems.IsNode(item))
        {
            return NotAllowed(reader, "type", item);
        }

        var type = reader.Text("type", "a node type listed under node-types", required: true);
        if (type is not null && _invalid.Contains(type))
        {
            return null;
        }

        if (type is not null && nodes.All(n => n.Name != type))
        {
            var known = nodes.Select(n => n.Name).ToArray();
            reader.Report("type", $"'{type}' is not listed under node-types (its memory is needed for sizing){Suggestions.DidYouMean(type, known)}");
            return null;
        }

        return type;
    }

    private MappingReader? Entry(YamlNode node, string path, string[] keys)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(_document, mapping, path, keys);
        }

        _document.Report(node, $"{path}: expected a mapping {{{string.Join(", ", keys)}}}; found {MappingReader.Describe(node)}");
        return null;
    }

    private PriceSource? Source(MappingReader reader, Dictionary<string, (PriceSource Source, long Line)> sources)
    {
        var id = reader.Text("source", "the id of an entry under sources", required: true);
        if (id is null)
        {
            return null;
        }

        if (sources.TryGetValue(id, out var source))
        {
            return source.Source;
        }

        if (_invalid.Contains(id))
        {
            return null;
        }

        reader.Report("source", $"no source '{id}' under sources (every price and node type names where it comes from){Suggestions.DidYouMean(id, sources.Keys.ToArray())}");
        return null;
    }

    private static string? Choice(MappingReader reader, string key, string[] options, bool required)
    {
        var text = reader.Scalar(key, $"one of {string.Join(", ", options)}", required);
        if (text is null || options.Contains(text))
        {
            return text;
        }

        reader.Report(key, $"expected one of {string.Join(", ", options)}; found '{text}'{Suggestions.DidYouMean(text, options)}");
        return null;
    }

    private static string? NotAllowed(MappingReader reader, string key, string item)
    {
        if (reader.Has(key))
        {
            reader.Report(key, $"'{key}' does not apply to {item}");
        }

        return null;
    }

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static PriceStatus StatusOf(string status) => status switch
    {
        "sourced" => PriceStatus.Sourced,
        "third-party" => PriceStatus.ThirdParty,
        "derived" => PriceStatus.Derived,
        _ => PriceStatus.Assumption,
    };
}
