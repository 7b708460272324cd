namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// One column of the exact ledger, grown in fixed chunks of 65,536 values: growing never copies (a doubling array
/// holds its old and new copy at once, and up to twice what it needs after: 3× the column at its peak), and at most
/// one chunk is unused.
/// </summary>
internal sealed class ChunkedColumn<T>(int chunkBits = 16)
{
    private readonly int _chunkBits = chunkBits;
    private readonly long _chunkMask = (1L << chunkBits) - 1;
    private readonly List<T[]> _chunks = [];

    /// <summary>The value of write <paramref name="id"/> (which <see cref="Grow"/> made room for).</summary>
    public ref T this[long id] => ref _chunks[(int)(id >> _chunkBits)][id & _chunkMask];

    /// <summary>Makes room for write <paramref name="id"/>, the next one (ids come in order from 0).</summary>
    public void Grow(long id)
    {
        if ((id >> _chunkBits) == _chunks.Count)
        {
            _chunks.Add(new T[1 << _chunkBits]);
        }
    }
}
