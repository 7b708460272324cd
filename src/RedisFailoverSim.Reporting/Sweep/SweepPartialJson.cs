using System.Text;
using System.Text.Json;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// Writes and reads <c>sweep-partial.json</c>, what <c>rfsim sweep --shard i/n</c> leaves for <c>rfsim merge</c>:
/// the setup, the shard, and one object per replication of the shard with its numbers written so that they read
/// back as the very same doubles (shortest round-trip text). Merging therefore computes the statistics from the
/// bits a single run would have used, and writes the same bytes.
/// </summary>
public static class SweepPartialJson
{
    /// <summary>The file's name in a shard's output folder.</summary>
    public const string FileName = "sweep-partial.json";

    private const string Kind = "sweep-partial";

    /// <summary>Writes the partial to <paramref name="destination"/> (left open).</summary>
    public static void Write(SweepPartial partial, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(destination);
        var setup = partial.Setup;
        using (var json = new Utf8JsonWriter(destination, SweepJson.Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SweepJson.SchemaVersion);
            json.WriteString("kind", Kind);
            SweepJson.WriteSetup(json, setup);
            json.WriteStartObject("shard");
            json.WriteNumber("index", partial.Shard.Index);
            json.WriteNumber("count", partial.Shard.Count);
            json.WriteString("replications", "strided: index, index + count, index + 2 count, ...");
            json.WriteEndObject();
            json.WriteStartArray("replications");
            foreach (var point in setup.Points)
            {
                foreach (var run in partial.Shard.Runs(setup.Runs))
                {
                    for (var p = 0; p < setup.Paths.Count; p++)
                    {
                        if (partial.Replications[point.Index, p, run] is { } metrics)
                        {
                            var seed = SweepSetup.ReplicationSeed(setup.Seed, run);
                            WriteReplication(json, point.Index, run, seed, setup.Paths[p], metrics);
                        }
                    }
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        destination.WriteByte((byte)'\n');
    }

    /// <summary>The file's text, for tests.</summary>
    public static string ToJson(SweepPartial partial)
    {
        using var buffer = new MemoryStream();
        Write(partial, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads a partial. Throws <see cref="SweepFormatException"/> naming <paramref name="source"/> when the bytes are
    /// not a sweep-partial.json this version can read, or a replication is outside the grid, the paths or the shard.
    /// </summary>
    public static SweepPartial Read(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kind) || kind.GetString() != Kind)
            {
                throw new SweepFormatException($"{source}: not a {FileName} (no \"kind\": \"{Kind}\")");
            }

            var version = SweepJson.Property(root, "schemaVersion").GetInt32();
            if (version != SweepJson.SchemaVersion)
            {
                throw new SweepFormatException(
                    $"{source}: schemaVersion {version}; this rfsim reads version {SweepJson.SchemaVersion}");
            }

            var setup = SweepJson.ReadSetup(root);
            var shardElement = SweepJson.Property(root, "shard");
            var shard = new SweepShard(
                SweepJson.Property(shardElement, "index").GetInt32(), SweepJson.Property(shardElement, "count").GetInt32());
            if (setup.Runs < 1 || setup.Paths.Count < 1 || shard.Count < 1 || shard.Index < 0 || shard.Index >= shard.Count)
            {
                throw new SweepFormatException($"{source}: runs, paths or shard out of range");
            }

            var table = new ReplicationTable(setup.Points.Count, setup.Paths.Count, setup.Runs);
            foreach (var element in SweepJson.Property(root, "replications").EnumerateArray())
            {
                ReadReplication(element, setup, shard, table, source);
            }

            return new SweepPartial(setup, shard, table);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new SweepFormatException($"{source}: cannot read it: {e.Message}", e);
        }
        catch (SweepFormatException e) when (!e.Message.StartsWith(source + ":", StringComparison.Ordinal))
        {
            throw new SweepFormatException($"{source}: {e.Message}", e);
        }
    }

    private static void WriteReplication(Utf8JsonWriter json, int point, int run, ulong seed, string path, ReplicationMetrics metrics)
    {
        json.WriteStartObject();
        json.WriteNumber("point", point);
        json.WriteNumber("replication", run);
        json.WriteNumber("seed", seed);
        json.WriteString("path", path);
        json.WriteNumber("acknowledged", metrics.Acknowledged);
        json.WriteNumber("acknowledgedLost", metrics.AcknowledgedLost);
        json.WriteNumber("failed", metrics.Failed);
        json.WriteNumber("unknown", metrics.Unknown);
        SweepJson.WriteExact(json, "failoverClientObservedSeconds", metrics.FailoverClientObservedSeconds);
        SweepJson.WriteExact(json, "failoverControlPlaneSeconds", metrics.FailoverControlPlaneSeconds);
        SweepJson.WriteExact(json, "latencyP99Ms", metrics.LatencyP99Ms);
        SweepJson.WriteExact(json, "splitBrainSeconds", metrics.SplitBrainSeconds);
        json.WriteEndObject();
    }

    private static void ReadReplication(JsonElement element, SweepSetup setup, SweepShard shard, ReplicationTable table, string source)
    {
        var point = SweepJson.Property(element, "point").GetInt32();
        var run = SweepJson.Property(element, "replication").GetInt32();
        var path = SweepJson.String(element, "path");
        var pathIndex = setup.Paths.ToList().IndexOf(path);
        if (point < 0 || point >= setup.Points.Count || run < 0 || run >= setup.Runs || pathIndex < 0)
        {
            throw new SweepFormatException(
                $"{source}: replication {run} of point {point} on path '{path}' is outside the sweep's grid, runs or paths");
        }

        if (!shard.Contains(run))
        {
            throw new SweepFormatException($"{source}: holds replication {run}, which is not in shard {shard}");
        }

        if (table[point, pathIndex, run].HasValue)
        {
            throw new SweepFormatException($"{source}: holds replication {run} of point {point} on path '{path}' twice");
        }

        table.Set(point, pathIndex, run, new ReplicationMetrics(
            SweepJson.Property(element, "acknowledged").GetInt64(),
            SweepJson.Property(element, "acknowledgedLost").GetInt64(),
            SweepJson.NullableDouble(element, "failoverClientObservedSeconds"),
            SweepJson.NullableDouble(element, "failoverControlPlaneSeconds"),
            SweepJson.NullableDouble(element, "latencyP99Ms"),
            SweepJson.Property(element, "splitBrainSeconds").GetDouble())
        {
            Failed = SweepJson.Property(element, "failed").GetInt64(),
            Unknown = SweepJson.Property(element, "unknown").GetInt64(),
        });
    }
}
