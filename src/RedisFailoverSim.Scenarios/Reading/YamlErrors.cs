using YamlDotNet.Core;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>Says what a YAML syntax error means in plain words, so no parser wording reaches users unexplained.</summary>
internal static class YamlErrors
{
    private static readonly (string Parser, string Plain)[] Known =
    [
        ("did not find expected key", "a key was expected here; check the indentation of this line against the lines above"),
        ("did not find expected '-' indicator", "a list item ('- ...') was expected here; check the indentation"),
        ("did not find expected ',' or ']'", "a list in brackets is not closed; expected ',' or ']'"),
        ("did not find expected ',' or '}'", "a mapping in braces is not closed; expected ',' or '}'"),
        ("found unexpected end of stream", "the file ends inside a quoted value; a closing quote is missing"),
        ("mapping values are not allowed in this context", "a ':' appears where a value was expected; quote the value if it contains ': '"),
        ("found character that cannot start any token", "a character that cannot start a value (a tab? YAML indents with spaces only)"),
        ("did not find expected node content", "a value was expected here"),
        ("found invalid mapping", "a ':' appears where no new key can start; check the indentation of this line"),
        ("did not find expected alphabetic or numeric character", "an anchor or alias name is missing after '&' or '*'"),
        ("found undefined anchor", "an alias ('*name') refers to an anchor that is not defined"),
        ("does not exists", "an alias ('*name') refers to an anchor ('&name') that is not defined above it"),
        ("found a tab character", "a tab character; YAML indents with spaces only"),
    ];

    /// <summary>A message for a YAML parse error: "YAML syntax error: …" with a hint where one helps.</summary>
    public static string Describe(YamlException error, string? line)
    {
        var message = error.Message;
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var key = message["Duplicate key".Length..].Trim();
            return $"key '{key}' is given twice in the same mapping; remove one";
        }

        // "> 0" unquoted starts a folded block scalar: the most likely slip in an expect block.
        if (message.Contains("block scalar", StringComparison.Ordinal) && line is not null
            && System.Text.RegularExpressions.Regex.IsMatch(line, @":\s*[<>|]"))
        {
            return "YAML syntax error: an unquoted '>' or '|' after a key starts a block of text; "
                + "quote the claim, e.g. acknowledgedLost: \"> 0\"";
        }

        foreach (var (parser, plain) in Known)
        {
            if (message.Contains(parser, StringComparison.Ordinal))
            {
                return $"YAML syntax error: {plain}";
            }
        }

        var text = message.TrimEnd('.');
        return $"YAML syntax error: {(text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "the file could not be parsed")}";
    }
}
