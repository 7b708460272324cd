using RedisFailoverSim.Model.Metrics;
using StackExchange.Redis;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// How a StackExchange.Redis error maps to the ledger's outcomes, with the model's rules: an error reply is
/// failed; a write that never left the client is failed (assumption A8); a write that was sent and then timed out
/// or lost its connection is unknown.
/// </summary>
internal static class WriteErrors
{
    /// <summary>The outcome and a short reason for the counts (e.g. <c>READONLY</c>, <c>timeout (sent)</c>).</summary>
    public static (WriteOutcome Outcome, string Reason) Classify(Exception error) => error switch
    {
        RedisServerException server => (WriteOutcome.Failed, FirstWord(server.Message)),
        RedisTimeoutException timeout => Unsent(timeout.Commandstatus)
            ? (WriteOutcome.Failed, "timeout (not sent)")
            : (WriteOutcome.Unknown, "timeout (sent)"),
        RedisConnectionException connection => Unsent(connection.CommandStatus)
            ? (WriteOutcome.Failed, "connection (not sent)")
            : (WriteOutcome.Unknown, "connection (" + connection.FailureType + ")"),
        _ => (WriteOutcome.Unknown, error.GetType().Name),
    };

    private static bool Unsent(CommandStatus status) => status is CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog;

    private static string FirstWord(string message)
    {
        int space = message.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? message[..space] : message;
    }
}
