using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Tests.Model;

public class HistoryWindowTests
{
    [Fact]
    public void Append_ManyWritesInAWindow_KeepsTheWindowAndOneLineageRun()
    {
        var history = new History(new StampSource(), windowBytes: 1_000);
        for (int i = 0; i < 100_000; i++)
        {
            history.Append(i, 100);
        }

        Assert.Equal(100_000, history.Count);
        Assert.Equal(10_000_000, history.Offset);
        Assert.True(history.HeldCount <= 256, $"held {history.HeldCount}");
        Assert.Equal(1, history.Lineage.RunCount);
        Assert.Equal(100_000, history.Lineage.Count);

        // Inside the window a partial resync finds its boundary; before it, asking is a bug.
        Assert.True(history.HasBoundaryAt(history.Offset - 1_000));
        Assert.Equal(99_990, history.IndexAfter(history.Offset - 1_000));
        Assert.Throws<InvariantViolatedException>(() => history[0]);
    }

    [Fact]
    public void Snapshot_PinnedWhileStreaming_KeepsEntriesAfterItUntilReleased()
    {
        var history = new History(new StampSource(), windowBytes: 500);
        for (int i = 0; i < 100; i++)
        {
            history.Append(i, 100);
        }

        var snapshot = history.Snapshot(history.Count);
        for (int i = 100; i < 1_100; i++)
        {
            history.Append(i, 100);
        }

        // Every entry after the snapshot is still there for the stream that follows the RDB.
        Assert.Equal(100, history.IndexAfter(snapshot.Offset));
        Assert.Equal(100L, history[100].WriteId);
        history.Release(snapshot);
        for (int i = 1_100; i < 3_000; i++)
        {
            history.Append(i, 100);
        }

        Assert.True(history.HeldCount < 1_000, $"held {history.HeldCount}");
    }

    [Fact]
    public void Append_AfterEntriesFromAnotherWriter_OpensANewBranch()
    {
        var stamps = new StampSource();
        var primary = new History(stamps);
        var replica = new History(stamps);
        primary.Append(0, 10);
        primary.Append(1, 10);
        replica.Add(primary[0]);
        replica.Add(primary[1]);

        // Promoted, the replica writes on its own branch; the shared prefix stays one run.
        replica.Append(2, 10);
        primary.Append(3, 10);

        Assert.Equal(2, replica.Lineage.RunCount);
        Assert.Equal(2, replica.Lineage.CommonPrefix(primary.Lineage));
        Assert.Equal(1, replica.CountDivergentFrom(primary));
        Assert.NotEqual(WriteStamp.Branch(replica[2].Stamp), WriteStamp.Branch(primary[2].Stamp));
    }

    [Fact]
    public void Truncate_ThenAppend_NeverReusesAStamp()
    {
        var history = new History(new StampSource());
        for (int i = 0; i < 10; i++)
        {
            history.Append(i, 10);
        }

        long discarded = history[9].Stamp;
        history.Truncate(5);
        history.Append(100, 10);

        Assert.NotEqual(discarded, history[5].Stamp);
        Assert.NotEqual(WriteStamp.Branch(history[4].Stamp), WriteStamp.Branch(history[5].Stamp));
    }
}
