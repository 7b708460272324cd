namespace RedisFailoverSim.Model.Sentinel;

/// <summary>
/// Sizes of RESP2 frames (https://redis.io/topics/protocol, docs/sources.md §12.5): an array header <c>*n\r\n</c>, a
/// bulk string <c>$len\r\n…\r\n</c>, an integer <c>:n\r\n</c>. Sentinel's commands and replies are sized with them.
/// </summary>
internal static class RespBytes
{
    /// <summary>ASSUMPTION A101: an IPv4 address in a control message is 9 characters, as <c>10.0.1.23</c>.</summary>
    public const int IpLength = 9;

    /// <summary>A run id: 40 hex characters (<c>CONFIG_RUN_ID_SIZE</c>).</summary>
    public const int RunIdLength = 40;

    /// <summary>The master's name, sentinel.conf's <c>mymaster</c> (A101).</summary>
    public const string MasterName = "mymaster";

    /// <summary><c>*n\r\n</c>.</summary>
    public static long Array(int count) => 1 + Digits(count) + 2;

    /// <summary><c>$len\r\n</c>, the string, <c>\r\n</c>.</summary>
    public static long Bulk(long length) => 1 + Digits(length) + 2 + length + 2;

    /// <summary><c>:n\r\n</c>.</summary>
    public static long Integer(long value) => 1 + Digits(value) + 2;

    /// <summary>Decimal digits of a value, with its sign.</summary>
    public static int Digits(long value)
    {
        int digits = value < 0 ? 2 : 1;
        for (long v = Math.Abs(value); v >= 10; v /= 10)
        {
            digits++;
        }

        return digits;
    }
}
