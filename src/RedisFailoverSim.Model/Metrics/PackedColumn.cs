namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Integers in write order, packed 64 to a block (frame of reference): a block keeps its smallest value and, per
/// value, only the bits its distance from it needs. Consecutive writes start microseconds apart, have latencies of
/// the same order and mostly the same client, node and outcome, so a write's sample takes a few bytes instead of 26,
/// and any value is still read back exactly, by index.
/// </summary>
internal sealed class PackedColumn
{
    private const int BlockBits = 6;
    private const int BlockSize = 1 << BlockBits;
    // Chunks of 4,096: a short run's five columns take kilobytes, not the ledger's 64 Ki-value chunks.
    private const int ChunkBits = 12;
    private readonly ChunkedColumn<long> _blockMinimum = new(ChunkBits);
    private readonly ChunkedColumn<long> _blockFirstBit = new(ChunkBits);
    private readonly ChunkedColumn<byte> _blockWidth = new(ChunkBits);
    private readonly ChunkedColumn<ulong> _words = new(ChunkBits);
    private readonly long[] _pending = new long[BlockSize];
    private int _pendingCount;
    private long _blocks;
    private long _bits;
    private long _wordsGrown;

    /// <summary>Values added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Value <paramref name="index"/> (of those in finished blocks: <see cref="Complete"/> finishes the last).</summary>
    public long this[long index]
    {
        get
        {
            long block = index >> BlockBits;
            int width = _blockWidth[block];
            long minimum = _blockMinimum[block];
            if (width == 0)
            {
                return minimum;
            }

            long bit = _blockFirstBit[block] + ((index & (BlockSize - 1)) * width);
            int shift = (int)(bit & 63);
            ulong word = _words[bit >> 6] >> shift;
            if (shift + width > 64)
            {
                word |= _words[(bit >> 6) + 1] << (64 - shift);
            }

            ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
            return unchecked(minimum + (long)(word & mask));
        }
    }

    /// <summary>Appends a value.</summary>
    public void Add(long value)
    {
        _pending[_pendingCount++] = value;
        Count++;
        if (_pendingCount == BlockSize)
        {
            Flush();
        }
    }

    /// <summary>Packs the last, partly filled block; call once, after the last <see cref="Add"/>.</summary>
    public void Complete()
    {
        if (_pendingCount > 0)
        {
            Flush();
        }
    }

    private void Flush()
    {
        long minimum = long.MaxValue, maximum = long.MinValue;
        for (int i = 0; i < _pendingCount; i++)
        {
            minimum = Math.Min(minimum, _pending[i]);
            maximum = Math.Max(maximum, _pending[i]);
        }

        ulong range = unchecked((ulong)(maximum - minimum));
        int width = range == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(range);
        _blockMinimum.Grow(_blocks);
        _blockFirstBit.Grow(_blocks);
        _blockWidth.Grow(_blocks);
        _blockMinimum[_blocks] = minimum;
        _blockFirstBit[_blocks] = _bits;
        _blockWidth[_blocks] = (byte)width;
        _blocks++;
        for (int i = 0; i < _pendingCount && width > 0; i++)
        {
            Write(unchecked((ulong)(_pending[i] - minimum)), width);
        }

        _pendingCount = 0;
    }

    private void Write(ulong value, int width)
    {
        long word = _bits >> 6;
        int shift = (int)(_bits & 63);
        Room(word + 1);
        _words[word] |= value << shift;
        if (shift + width > 64)
        {
            _words[word + 1] |= value >> (64 - shift);
        }

        _bits += width;
    }

    private void Room(long lastWord)
    {
        while (_wordsGrown <= lastWord)
        {
            _words.Grow(_wordsGrown++);
        }
    }
}
