using System.Globalization;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// An ElastiCache engine and version, written <c>valkey-9.0</c> or <c>redis-oss-7.1</c> (the engine names of
/// AWS's prices and of <c>month.engine</c>).
/// </summary>
/// <param name="Engine"><c>valkey</c> or <c>redis-oss</c>.</param>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
public readonly record struct EngineVersion(string Engine, int Major, int Minor)
{
    /// <summary>The Valkey engine's name.</summary>
    public const string Valkey = "valkey";

    /// <summary>The Redis OSS engine's name.</summary>
    public const string RedisOss = "redis-oss";

    /// <summary>Valkey 9.0, the first version with the durability option (docs/sources.md §4.5).</summary>
    public static EngineVersion Valkey90 { get; } = new(Valkey, 9, 0);

    /// <summary>True when the engine offers durability: Valkey 9.0 or later (docs/sources.md §4.5, §4.8).</summary>
    public bool SupportsDurability => Engine == Valkey && Major >= 9;

    /// <summary>Parses <c>valkey-9.0</c>, <c>redis-oss-7.1</c>; false for anything else.</summary>
    public static bool TryParse(string text, out EngineVersion version)
    {
        version = default;
        var body = text.Trim().ToLowerInvariant();
        foreach (var engine in new[] { Valkey, RedisOss })
        {
            if (!body.StartsWith(engine + "-", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = body[(engine.Length + 1)..].Split('.');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor)
                && major <= 99 && minor <= 99)
            {
                version = new EngineVersion(engine, major, minor);
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Engine}-{Major}.{Minor}");
}
