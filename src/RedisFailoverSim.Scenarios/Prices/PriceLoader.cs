using System.Text;
using RedisFailoverSim.Scenarios.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Prices;

/// <summary>
/// Reads a price file (the bundled <c>prices/us-east-1.yaml</c>, or the user's <c>--prices FILE</c>) into a validated
/// <see cref="PriceCatalog"/>; bad input throws <see cref="ScenarioException"/> with every problem's file and line.
/// </summary>
public static class PriceLoader
{
    /// <summary>The bundled table's region.</summary>
    public const string DefaultRegion = "us-east-1";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bundled price table of a region (embedded in this assembly from <c>prices/REGION.yaml</c>).</summary>
    /// <exception cref="ScenarioException">No bundled table for the region.</exception>
    public static PriceCatalog Bundled(string region = DefaultRegion)
    {
        var name = $"prices/{region}.yaml";
        using var stream = typeof(PriceLoader).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            throw new ScenarioException([new ScenarioProblem(name, 0, 0, $"no bundled price table for region '{region}'; give one with --prices FILE")]);
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), name);
    }

    /// <summary>Loads a price file from disk.</summary>
    /// <exception cref="ScenarioException">Every problem found, or a missing file.</exception>
    public static PriceCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScenarioException([new ScenarioProblem(path, 0, 0, "no such price file")]);
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads a price table from its bytes (UTF-8); <paramref name="sourcePath"/> names it in messages.</summary>
    /// <exception cref="ScenarioException">Every problem found.</exception>
    public static PriceCatalog Parse(byte[] bytes, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var document = new ScenarioDocument(sourcePath);
        if (ParseYaml(bytes, document) is { } root && new PriceReader(document).Read(root) is { } catalog && !document.HasProblems)
        {
            return catalog;
        }

        throw new ScenarioException(document.Problems);
    }

    private static YamlMappingNode? ParseYaml(byte[] bytes, ScenarioDocument document)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            document.Report("expected UTF-8 text; the file holds bytes that are not UTF-8");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var lines = text.Split('\n');
            var line = e.Start.Line >= 1 && e.Start.Line <= lines.Length ? lines[e.Start.Line - 1] : null;
            document.Report((int)e.Start.Line, (int)e.Start.Column, YamlErrors.Describe(e, line));
            return null;
        }

        if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root)
        {
            return root;
        }

        document.Report("expected one YAML mapping with region, sources, node-types and prices (see prices/us-east-1.yaml)");
        return null;
    }
}
