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
    private const string ClaimShape = "a claim like \"> 0\", \"<= 34\" or \"< 0.6x memorydb\" (operators: <, <=, >, >=, ==, !=)";

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
                    if (ScenarioMetrics.IsCost(metric) && top.Mapping("month", ScenarioKeys.Month) is null)
                    {
                        _document.Report(metricKey, $"expect.{path}.{metric}: a cost claim needs the scenario's month: section (what a month of the workload is billed as)");
                        continue;
                    }

                    expectations.AddRange(ReadClaims(path, metric, claimNode, paths));
                }
            }
        }

        return expectations;
    }

    private List<Expectation> ReadClaims(string path, string metric, YamlNode node, RequestedPaths paths)
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
                if (ReadClaim(path, metric, list.Children[i], $"{where}[{i}]", paths) is { } claim)
                {
                    claims.Add(claim);
                }
            }
        }
        else if (ReadClaim(path, metric, node, where, paths) is { } claim)
        {
            claims.Add(claim);
        }

        return claims;
    }

    private Expectation? ReadClaim(string path, string metric, YamlNode node, string where, RequestedPaths paths)
    {
        if (node is not YamlScalarNode { Value: { } text } || text.Length == 0)
        {
            _document.Report(node, $"{where}: expected {ClaimShape} or a list of them; found {MappingReader.Describe(node)}");
            return null;
        }

        var match = ClaimPattern().Match(text);
        var symbol = match.Success ? match.Groups[1].Value : "";
        var known = Operators.FirstOrDefault(o => o.Symbol == symbol);
        var number = match.Groups[2].Value;
        var times = match.Groups[3].Success;
        var other = match.Groups[4].Success ? match.Groups[4].Value : null;
        double value = 1;
        if (!match.Success || known.Symbol is null
            || (number.Length == 0 && (other is null || times))
            || (times && other is null)
            || (number.Length > 0 && other is not null && !times)
            || (number.Length > 0 && (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))))
        {
            _document.Report(node, $"{where}: expected {ClaimShape}; found '{text}'{ClaimHint(text, symbol)}");
            return null;
        }

        if (other is not null && !RelativeTargetIsValid(path, other, paths, node, where))
        {
            return null;
        }

        return new Expectation(path, metric, known.Operator, value, text.Trim(), (int)node.Start.Line) { RelativeTo = other };
    }

    // A relative claim compares with another path the scenario runs: "< 0.6x memorydb".
    private bool RelativeTargetIsValid(string path, string other, RequestedPaths paths, YamlNode node, string where)
    {
        string? problem = !DeploymentPaths.All.Contains(other)
            ? $"'{other}' is not a path (paths: {string.Join(", ", DeploymentPaths.All)})"
            : other == path
            ? $"a claim about {path} cannot compare with {path} itself"
            : paths.IsComplete && !paths.Names.Contains(other)
            ? $"the scenario does not run {other} ('paths' lists {string.Join(", ", paths.Names)})"
            : null;
        if (problem is not null)
        {
            _document.Report(node, $"{where}: {problem}");
        }

        return problem is null;
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

    // An operator, then a number, a path, or "<number>x <path>" (the other path's value of the metric, times it).
    [GeneratedRegex(@"^\s*([<>=!]{0,2})\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)?\s*(x|×)?\s*([a-z][a-z-]*)?\s*$")]
    private static partial Regex ClaimPattern();
}
