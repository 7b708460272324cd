using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>One entry of the transaction log: the write (or a leadership marker) and the term of the leader that appended it.</summary>
/// <param name="Entry">The write as the node's history holds it; a marker has a negative write id.</param>
/// <param name="Term">The leadership term it was appended in.</param>
public readonly record struct LogRecord(HistoryEntry Entry, long Term);
