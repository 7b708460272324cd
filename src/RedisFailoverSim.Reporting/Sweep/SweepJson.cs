using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// What sweep.json and sweep-partial.json share: the writer options of results.json (UTF-8 without BOM, LF, two
/// spaces) and the setup block (tool, seed, runs, scenario, paths, vary) written and read in one fixed order.
/// </summary>
internal static class SweepJson
{
    /// <summary>The schema version of both files; bumped when a field changes meaning or is removed.</summary>
    public const int SchemaVersion = 1;

    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteSetup(Utf8JsonWriter json, SweepSetup setup)
    {
        json.WriteStartObject("tool");
        json.WriteString("name", setup.Tool.Name);
        json.WriteString("version", setup.Tool.Version);
        json.WriteString("commit", setup.Tool.Commit);
        json.WriteEndObject();

        json.WriteNumber("seed", setup.Seed);
        json.WriteNumber("runs", setup.Runs);

        json.WriteStartObject("scenario");
        json.WriteString("name", setup.ScenarioName);
        json.WriteString("sha256", setup.ScenarioSha256);
        json.WriteString("file", setup.ScenarioFile);
        json.WriteString("description", setup.ScenarioDescription);
        json.WriteEndObject();

        json.WriteStartArray("paths");
        foreach (var path in setup.Paths)
        {
            json.WriteStringValue(path);
        }

        json.WriteEndArray();

        json.WriteStartArray("vary");
        foreach (var axis in setup.Axes)
        {
            json.WriteStartObject();
            json.WriteString("key", axis.Key);
            json.WriteString("from", axis.From);
            json.WriteString("to", axis.To);
            json.WriteNumber("steps", axis.Steps);
            json.WriteString("unit", axis.Unit);
            if (axis.IsList)
            {
                json.WriteBoolean("list", true);
            }

            json.WriteStartArray("values");
            foreach (var value in axis.Values)
            {
                json.WriteStartObject();
                json.WriteString("text", value.Text);
                WriteExact(json, "number", value.Number);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static SweepSetup ReadSetup(JsonElement root)
    {
        var tool = Property(root, "tool");
        var scenario = Property(root, "scenario");
        var axes = Property(root, "vary").EnumerateArray().Select(axis => new SweepAxis(
                String(axis, "key"),
                String(axis, "from"),
                String(axis, "to"),
                Property(axis, "steps").GetInt32(),
                String(axis, "unit"),
                Property(axis, "values").EnumerateArray()
                    .Select(v => new SweepValue(String(v, "text"), Property(v, "number").GetDouble()))
                    .ToList())
        {
            IsList = axis.TryGetProperty("list", out var list) && list.GetBoolean(),
        })
            .ToList();
        return new SweepSetup(
            String(scenario, "name"),
            String(scenario, "description"),
            String(scenario, "sha256"),
            String(scenario, "file"),
            Property(root, "seed").GetUInt64(),
            Property(root, "runs").GetInt32(),
            new ToolInfo(String(tool, "name"), String(tool, "version"), NullableString(tool, "commit")),
            Property(root, "paths").EnumerateArray().Select(p => p.GetString() ?? "").ToList(),
            axes);
    }

    /// <summary>A number that reads back as the same double (shortest round-trip text), or null.</summary>
    public static void WriteExact(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteRawValue(v.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>A number rounded to 3 decimals as results.json writes seconds and milliseconds, or null.</summary>
    public static void WriteFixed(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        if (value is { } v && InvariantNumbers.Fixed(v) is { } text)
        {
            json.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    public static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new SweepFormatException($"expected a field '{name}'");

    public static string String(JsonElement element, string name) =>
        Property(element, name).GetString() ?? throw new SweepFormatException($"expected text in '{name}'");

    public static string? NullableString(JsonElement element, string name) =>
        Property(element, name).ValueKind == JsonValueKind.Null ? null : String(element, name);

    public static double? NullableDouble(JsonElement element, string name) =>
        Property(element, name).ValueKind == JsonValueKind.Null ? null : Property(element, name).GetDouble();
}
