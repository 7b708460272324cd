using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>One entry of the transaction log: the write (or a leadership marker) and the term of the leader that appended it.</summary>
/// <param name="Entry">The write as the node's history holds it; a marker has a negative write id.</param>
/// <param name="Term">The leadership term it was appended in.</param>
/// <param name="Bytes">Its size on the stream (the entry's offset step), for the cross-AZ byte count (A115).</param>
public readonly record struct LogRecord(HistoryEntry Entry, long Term, long Bytes)
{
    /// <summary>The bytes of a batch of records.</summary>
    public static long Sum(LogRecord[] records)
    {
        long bytes = 0;
        foreach (var record in records)
        {
            bytes += record.Bytes;
        }

        return bytes;
    }
}
