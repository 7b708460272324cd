using System.Globalization;
using System.Text.RegularExpressions;
using RedisFailoverSim.Paths;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// The <c>expect:</c> section: path → metric → one claim (<c>"&gt; 0"</c>) or a list of claims
/// (<c>["&gt;= 31", "&lt;= 34"]</c>, which must all hold).
/// </summary>
internal sealed partial class ScenarioReader
{
    private const string ClaimShape = "a claim like \"> 0\" or \"<= 34\" (operators: <, <=, >, >=, ==, !=)";

    private static readonly (string Symbol, Comparison Operator)[] Operators =
    [
        ("<=", Comparison.LessOrEqual),
        (">=", Comparison.GreaterOrEqual),
        ("==", Comparison.Equal),
        ("!=", Comparison.NotEqual),
        ("<", Comparison.Less),
        (">", Comparison.Greater),
    ];

    private List<Expectation> ReadExpectations(MappingReader top, RequestedPaths paths)
    {
        var expectations = new List<Expectation>();
        var section = top.Mapping("expect", DeploymentPaths.All);
        if (section is null)
        {
            return expectations;
        }

        foreach (var (key, value) in section.Node.Children)
        {
            if (key is not YamlScalarNode { Value: { } path } || !DeploymentPaths.All.Contains(path))
            {
                continue; // Reported by the MappingReader as an unknown key.
            }

            if (paths.IsComplete && !paths.Names.Contains(path))
            {
                _document.Report(key, $"expect.{path}: the scenario does not run {path} ('paths' lists {string.Join(", ", paths.Names)})");
                continue;
            }

            if (section.Mapping(path, ScenarioMetrics.Names) is not { } claims)
            {
                continue;
            }

            foreach (var (metricKey, claimNode) in claims.Node.Children)
            {
                if (metricKey is YamlScalarNode { Value: { } metric } && ScenarioMetrics.IsKnown(metric))
                {
                    expectations.AddRange(ReadClaims(path, metric, claimNode));
                }
            }
        }

        return expectations;
    }

    private List<Expectation> ReadClaims(string path, string metric, YamlNode node)
    {
        var where = $"expect.{path}.{metric}";
        var claims = new List<Expectation>();
        if (node is YamlSequenceNode list)
        {
            if (list.Children.Count == 0)
            {
                _document.Report(list, $"{where}: expected at least one claim; found an empty list");
            }

            for (var i = 0; i < list.Children.Count; i++)
            {
                if (ReadClaim(path, metric, list.Children[i], $"{where}[{i}]") is { } claim)
                {
                    claims.Add(claim);
                }
            }
        }
        else if (ReadClaim(path, metric, node, where) is { } claim)
        {
            claims.Add(claim);
        }

        return claims;
    }

    private Expectation? ReadClaim(string path, string metric, YamlNode node, string where)
    {
        if (node is not YamlScalarNode { Value: { } text } || text.Length == 0)
        {
            _document.Report(node, $"{where}: expected {ClaimShape} or a list of them; found {MappingReader.Describe(node)}");
            return null;
        }

        var match = ClaimPattern().Match(text);
        var symbol = match.Success ? match.Groups[1].Value : "";
        var known = Operators.FirstOrDefault(o => o.Symbol == symbol);
        if (!match.Success || known.Symbol is null
            || !double.TryParse(match.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            _document.Report(node, $"{where}: expected {ClaimShape}; found '{text}'{ClaimHint(text, symbol)}");
            return null;
        }

        return new Expectation(path, metric, known.Operator, value, text.Trim(), (int)node.Start.Line);
    }

    private static string ClaimHint(string text, string symbol) => symbol switch
    {
        "" when ScalarText.Number(text, out _) is not null => $"; add an operator, e.g. \"== {text.Trim()}\"",
        "=" => "; use '==' for equality",
        "=>" => "; did you mean '>='?",
        "=<" => "; did you mean '<='?",
        "<>" or "!" => "; use '!=' for inequality",
        _ => "",
    };

    [GeneratedRegex(@"^\s*([<>=!]{0,2})\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*$")]
    private static partial Regex ClaimPattern();
}
