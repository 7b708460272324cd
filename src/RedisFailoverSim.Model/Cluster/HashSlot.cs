using System.Text;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// Redis Cluster's key → slot function (docs/sources.md §3.1): CRC16/XMODEM of the key, or of its hash tag (the text
/// between the first <c>{</c> and the first <c>}</c> after it, when not empty), modulo 16,384.
/// </summary>
public static class HashSlot
{
    /// <summary>Slots in a cluster (<c>CLUSTER_SLOTS</c>).</summary>
    public const int Count = 16_384;

    private static readonly ushort[] Table = BuildTable();

    /// <summary>CRC16/XMODEM (polynomial 0x1021, initial value 0, no reflection, no final XOR).</summary>
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        for (int i = 0; i < data.Length; i++)
        {
            crc = unchecked((ushort)((crc << 8) ^ Table[((crc >> 8) ^ data[i]) & 0xFF]));
        }

        return crc;
    }

    /// <summary>The slot of a key given as bytes, as <c>keyHashSlot</c> computes it.</summary>
    public static int Of(ReadOnlySpan<byte> key)
    {
        int open = key.IndexOf((byte)'{');
        if (open >= 0)
        {
            int close = key[(open + 1)..].IndexOf((byte)'}');
            if (close > 0)
            {
                return Crc16(key.Slice(open + 1, close)) & (Count - 1);
            }
        }

        return Crc16(key) & (Count - 1);
    }

    /// <summary>The slot of a key (UTF-8, as a client sends it).</summary>
    public static int Of(string key) => Of(Encoding.UTF8.GetBytes(key));

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int b = 0; b < 256; b++)
        {
            int crc = b << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }

            table[b] = unchecked((ushort)crc);
        }

        return table;
    }
}
