namespace RedisFailoverSim.Tests.Sweep;

/// <summary>Compares (name, bytes) pairs by name and content, for byte-for-byte folder comparisons.</summary>
internal sealed class FileComparer : IEqualityComparer<(string Name, byte[] Bytes)>
{
    public static readonly FileComparer Instance = new();

    public bool Equals((string Name, byte[] Bytes) x, (string Name, byte[] Bytes) y) =>
        x.Name == y.Name && x.Bytes.AsSpan().SequenceEqual(y.Bytes);

    public int GetHashCode((string Name, byte[] Bytes) obj) => StringComparer.Ordinal.GetHashCode(obj.Name);
}
