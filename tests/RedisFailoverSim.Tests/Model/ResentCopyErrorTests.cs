using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Tests.Model;

/// <summary>
/// A re-sent write whose copy got an error reply (issue 18 item 4): the error ends only that copy, the first copy was
/// cut off in flight and may be applied anyway, so the write is unknown, never failed, and present if any copy survives.
/// </summary>
public class ResentCopyErrorTests
{
    private static readonly long First = WriteStamp.First(1);

    private static WriteLedger Ledger() =>
        new(exact: true, new CompactTally(new RunRecorder(new Simulation(1), ["n1", "n2"]), null, 2));

    private static Lineage Holding(params long[] stamps)
    {
        var lineage = new Lineage();
        foreach (long stamp in stamps)
        {
            lineage.Append(stamp);
        }

        return lineage;
    }

    [Fact]
    public void ErrorReplyToTheCopy_FirstCopyAppliedLater_UnknownAndPresentNotFailed()
    {
        // The first copy waits in a paused primary's socket buffer; the copy sent on the next connection is refused
        // (-NOREPLICAS: not applied); then the paused node resumes and applies the first copy.
        var ledger = Ledger();
        long id = ledger.Issue(0, SimTime.Zero);
        ledger.Resent(id);
        ledger.Resolve(id, WriteOutcome.Failed, SimTime.FromStart(SimDuration.FromSeconds(1)));
        ledger.Applied(id, First);

        Assert.Equal(WriteOutcome.Unknown, ledger.Outcome(id));
        var counts = ledger.FinishCompact([Holding(First)], SimDuration.FromSeconds(2).Nanoseconds).Counts;
        Assert.Equal(0, counts.Failed);
        Assert.Equal(1, counts.Unknown);
        Assert.Equal(1, counts.UnknownPresent);
        Assert.Equal(0, counts.AcknowledgedLost);
    }

    [Fact]
    public void AppliedTwiceThenTheLastCopyRefused_DuplicatedUnknownNotLost()
    {
        // The first copy and a second (whose reply a second drop cut off) were both applied; a third got -READONLY.
        var ledger = Ledger();
        long id = ledger.Issue(0, SimTime.Zero);
        ledger.Applied(id, First);
        ledger.Resent(id);
        long second = WriteStamp.Next(First);
        ledger.Applied(id, second);
        ledger.Resolve(id, WriteOutcome.Failed, SimTime.FromStart(SimDuration.FromSeconds(1)));

        Assert.Equal(2, ledger.Applications(id));
        Assert.Equal(WriteOutcome.Unknown, ledger.Outcome(id));

        // Only the duplicate survives (the first entry's node lost its data): present through it, not lost, not failed.
        var counts = ledger.FinishCompact([Holding(second)], SimDuration.FromSeconds(2).Nanoseconds).Counts;
        Assert.Equal(1, counts.Duplicated);
        Assert.Equal(0, counts.DuplicatedAcknowledged);
        Assert.Equal(0, counts.Failed);
        Assert.Equal(1, counts.Unknown);
        Assert.Equal(1, counts.UnknownPresent);
        Assert.Equal(0, counts.AcknowledgedLost);
    }

    [Fact]
    public void ErrorReplyToAWriteSentOnce_StaysFailed()
    {
        var ledger = Ledger();
        long id = ledger.Issue(0, SimTime.Zero);
        ledger.Resolve(id, WriteOutcome.Failed, SimTime.FromStart(SimDuration.FromSeconds(1)));
        Assert.Equal(WriteOutcome.Failed, ledger.Outcome(id));
        Assert.Equal(1, ledger.FinishCompact([Holding()], SimDuration.FromSeconds(2).Nanoseconds).Counts.Failed);
    }
}
