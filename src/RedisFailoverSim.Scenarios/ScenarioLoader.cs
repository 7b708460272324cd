using System.Security.Cryptography;
using System.Text;
using RedisFailoverSim.Scenarios.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios;

/// <summary>Reads a scenario YAML file into a validated <see cref="Scenario"/>.</summary>
public static class ScenarioLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads and validates a scenario file; throws <see cref="ScenarioException"/> listing every problem.</summary>
    public static Scenario Load(string path) => Load(path, []);

    /// <summary>
    /// Loads a scenario file with some settings changed first (see <see cref="ScenarioOverride"/>); the changed
    /// values are validated like the rest. <see cref="Scenario.Sha256"/> is still the file's.
    /// </summary>
    /// <exception cref="ScenarioException">Every problem found, or a missing file.</exception>
    public static Scenario Load(string path, IReadOnlyList<ScenarioOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > ScenarioLimits.FileBytes && File.Exists(path))
            {
                throw new ScenarioException([new ScenarioProblem(path, 0, 0,
                    $"the file is {length:N0} bytes; a scenario is at most {ScenarioLimits.FileBytes:N0} (1 MB) — is this the right file?")]);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScenarioException([new ScenarioProblem(path, 0, 0, "no such file")]);
        }

        return Parse(bytes, path, overrides);
    }

    /// <summary>
    /// Reads a scenario from its bytes (UTF-8); <paramref name="sourcePath"/> names it in messages. For tests and
    /// for tools that hold the file in memory.
    /// </summary>
    /// <exception cref="ScenarioException">Every problem found.</exception>
    public static Scenario Parse(byte[] bytes, string sourcePath, IReadOnlyList<ScenarioOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var document = new ScenarioDocument(sourcePath);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var root = ParseYaml(bytes, document);
        if (root is not null)
        {
            OverrideApplier.Apply(root, overrides ?? [], document);
            var scenario = new ScenarioReader(document).Read(root, sourcePath, sha256);
            if (scenario is not null && !document.HasProblems)
            {
                return scenario;
            }
        }

        throw new ScenarioException(document.Problems);
    }

    private static YamlMappingNode? ParseYaml(byte[] bytes, ScenarioDocument document)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            document.Report("expected UTF-8 text; the file holds bytes that are not UTF-8");
            return null;
        }

        text = text.TrimStart('\uFEFF');
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var lines = text.Split('\n');
            var line = e.Start.Line >= 1 && e.Start.Line <= lines.Length ? lines[e.Start.Line - 1] : null;
            var (at, column) = ((int)e.Start.Line, (int)e.Start.Column);
            if (e.Message.Contains("tab character", StringComparison.Ordinal) && YamlErrorPosition.FirstTab(text, at) is { } tab)
            {
                (at, column) = tab;
            }
            else if (System.Text.RegularExpressions.Regex.Match(e.Message, "anchor '([^']+)'", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } anchor
                && YamlErrorPosition.Alias(text, anchor.Groups[1].Value) is { } alias)
            {
                (at, column) = alias;
            }

            document.Report(at, column, YamlErrors.Describe(e, line));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up without a position on a flow collection left open at the end of the file.
            if (YamlErrorPosition.UnclosedBracket(text) is { } open)
            {
                var (kind, closer) = open.Opener == '{' ? ("mapping in braces", '}') : ("list in brackets", ']');
                document.Report(open.Line, open.Column, $"YAML syntax error: this {kind} is never closed; expected '{closer}' before the end of the file");
            }
            else
            {
                document.Report("YAML syntax error: the file ends where a value or a closing bracket was expected");
            }

            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                document.Report("the file is empty; expected a scenario with at least 'name', 'topology' and 'workload' (see scenarios/README.md)");
                return null;
            case > 1:
                document.Report(stream.Documents[1].RootNode, $"expected one YAML document; found {stream.Documents.Count} (remove the extra '---')");
                return null;
        }

        if (stream.Documents[0].RootNode is YamlMappingNode root)
        {
            return root;
        }

        var found = MappingReader.Describe(stream.Documents[0].RootNode);
        document.Report(stream.Documents[0].RootNode, $"expected a scenario mapping (name:, topology:, workload:, …); found {found}");
        return null;
    }
}
