using System.Text.RegularExpressions;

namespace RedisFailoverSim.Tests.Cli.Corpus;

/// <summary>
/// Malformed and extreme scenario files, generated from one small valid scenario: every value replaced by each of a
/// set of hostile values, every line deleted in turn, the file cut short at many points, and a few hand-written
/// cases from issue 12. Names are stable, so a failing case can be found and replayed.
/// </summary>
internal static class BadScenarioCorpus
{
    /// <summary>The valid starting point: short (20 s, 2 clients) so the cases that still validate run fast.</summary>
    public const string Base = """
        name: corpus
        description: Three nodes; the primary crashes at 5 s and comes back 10 s later.
        seed: 7
        topology:
          azs: [az-a, az-b, az-c]
          nodes:
            - { name: n1, az: az-a, primary: true }
            - { name: n2, az: az-b }
            - { name: n3, az: az-c }
          sentinels: { az-a: 1, az-b: 1, az-c: 1 }
          clients:
            - { name: c1, az: az-a, rate-multiplier: 1 }
            - { name: c2, az: az-b }
        workload:
          rate: 20
          arrival: constant
          duration: 20s
          value-size: 100
        faults:
          - kind: crash
            at: 5s
            duration: 10s
            target: primary
        network: { cross-az-median: 1ms, cross-az-sigma: 0.3 }
        redis: { min-replicas-to-write: 0, repl-backlog-size: 1mb }
        sentinel:
          quorum: 2
          down-after-milliseconds: 3000
        """;

    private static readonly string[] HostileValues =
    [
        "", "-1", "0", "1e300", "-1e300", "1e-300", "NaN", ".inf", "abc", "[1, 2]", "{ a: 1 }", "99999999999999999999999",
        "0x10", "'quoted'", "true", "~", "*undefined", "&anchor", "!!binary AAAA", "\"\\u0000\"", "2147483648", "30d",
        "-5s", "1e9", "😀",
    ];

    private static readonly string[] Keys =
    [
        "seed", "rate", "arrival", "duration", "value-size", "at", "target", "kind", "quorum", "down-after-milliseconds",
        "cross-az-median", "cross-az-sigma", "min-replicas-to-write", "repl-backlog-size", "rate-multiplier", "primary",
        "name", "az",
    ];

    /// <summary>(case name, file text).</summary>
    public static IEnumerable<(string Name, string Text)> Cases()
    {
        var text = Base.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        foreach (var key in Keys)
        {
            var pattern = new Regex($@"(?<=[{{,\s]){Regex.Escape(key)}: [^,}}\n]*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var match = pattern.Match(text);
            for (var i = 0; i < HostileValues.Length; i += key is "rate" or "duration" or "at" or "value-size" or "quorum" ? 1 : 3)
            {
                yield return ($"{key}={HostileValues[i]}", text[..match.Index] + $"{key}: {HostileValues[i]}" + text[(match.Index + match.Length)..]);
            }
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            yield return ($"without-line-{i + 1}", string.Join('\n', lines.Where((_, j) => j != i)));
        }

        for (var cut = 7; cut < text.Length; cut += 53)
        {
            yield return ($"cut-at-{cut}", text[..cut]);
        }

        yield return ("empty", "");
        yield return ("only-comments", "# nothing here\n# at all\n");
        yield return ("bom-then-scenario", "\uFEFF" + text);
        yield return ("a-list", "- 1\n- 2\n");
        yield return ("a-scalar", "hello\n");
        yield return ("two-documents", text + "---\n" + text);
        yield return ("tab-indented", text.Replace("  rate: 20", "\trate: 20", StringComparison.Ordinal));
        yield return ("unclosed-flow-mapping", text.Replace("{ name: n2, az: az-b }", "{ name: n2, az: az-b", StringComparison.Ordinal));
        yield return ("unclosed-flow-list", text.Replace("[az-a, az-b, az-c]", "[az-a, az-b, az-c", StringComparison.Ordinal));
        yield return ("unknown-alias", text.Replace("rate: 20", "rate: *twenty", StringComparison.Ordinal));
        yield return ("duplicate-key", text.Replace("rate: 20", "rate: 20\n  rate: 30", StringComparison.Ordinal));
        yield return ("min-replicas-above-replicas", text.Replace("min-replicas-to-write: 0", "min-replicas-to-write: 10", StringComparison.Ordinal));
        yield return ("cross-az-a-month", text.Replace("cross-az-median: 1ms", "cross-az-median: 30d", StringComparison.Ordinal));
        yield return ("sigma-thousand", text.Replace("cross-az-sigma: 0.3", "cross-az-sigma: 1000", StringComparison.Ordinal));
        yield return ("value-size-int-max", text.Replace("value-size: 100", "value-size: 2147483647", StringComparison.Ordinal));
        yield return ("rate-multiplier-1e300", text.Replace("rate-multiplier: 1", "rate-multiplier: 1e300", StringComparison.Ordinal));
        yield return ("description-too-long", text.Replace("description: Three", "description: " + new string('x', 5000) + " Three", StringComparison.Ordinal));
        yield return ("deeply-nested", text + "extra:" + string.Concat(Enumerable.Repeat(" [", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "\n");
        yield return ("nul-bytes", text.Replace("name: corpus", "name: cor\0pus", StringComparison.Ordinal));
        yield return ("no-nodes", text.Replace("    - { name: n1, az: az-a, primary: true }\n    - { name: n2, az: az-b }\n    - { name: n3, az: az-c }\n", "", StringComparison.Ordinal));
        yield return ("fault-after-the-end", text.Replace("at: 5s", "at: 500s", StringComparison.Ordinal));
        yield return ("crash-forever", text.Replace("    duration: 10s\n", "", StringComparison.Ordinal));
        yield return ("a-million-clients-listed", text.Replace("  clients:\n", "  clients: { az-a: 1000000 }\n  old-clients:\n", StringComparison.Ordinal));
    }
}
