using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.TransactionLog;

namespace RedisFailoverSim.Tests.Model.TransactionLog;

/// <summary>A log replica's storage: Raft's log compaction and InstallSnapshot rule (docs/sources.md §10.4).</summary>
public class LogStoreTests
{
    private static LogRecord Record(long index, long term) => new(new HistoryEntry(index, index * 10, index), term, 10);

    private static LogStore Filled(long records, long term = 1, bool keepEveryEntry = false)
    {
        var store = new LogStore(new StampSource(), keepEveryEntry);
        for (long i = 1; i <= records; i++)
        {
            store.Add(Record(i, term));
        }

        return store;
    }

    [Fact]
    public void Fold_BelowTwoChunks_KeepsEveryRecord()
    {
        var store = Filled(2 * LogStore.FoldChunk - 1);
        store.Fold(commitIndex: store.LastIndex, oldestReaderNext: store.LastIndex + 1);
        Assert.Equal(0, store.SnapshotIndex);
        Assert.Equal(2 * LogStore.FoldChunk - 1, store.HeldRecords);
    }

    [Fact]
    public void Fold_EveryReaderCaughtUp_FoldsUpToTheCommitPointOnly()
    {
        var store = Filled(2 * LogStore.FoldChunk + 100);
        long commit = store.LastIndex - 40;
        store.Fold(commit, oldestReaderNext: store.LastIndex + 1);
        Assert.Equal(commit, store.SnapshotIndex);
        Assert.Equal(40, store.HeldRecords);
        Assert.Equal(1, store.TermAt(commit));
    }

    [Fact]
    public void Fold_AReaderFarBehind_KeepsAChunkBehindTheCommitPointForIt()
    {
        var store = Filled(3 * LogStore.FoldChunk);
        store.Fold(store.LastIndex, oldestReaderNext: 10);
        Assert.Equal(store.LastIndex - LogStore.FoldChunk, store.SnapshotIndex);
    }

    [Fact]
    public void Read_FromAFoldedIndex_GivesTheSnapshotThenTheRecordsAfterIt()
    {
        var store = Filled(2 * LogStore.FoldChunk + 5);
        store.Fold(store.LastIndex - 5, store.LastIndex + 1);

        var (snapshot, from, records) = store.Read(1, store.LastIndex);
        Assert.NotNull(snapshot);
        Assert.Equal(store.SnapshotIndex, snapshot.Index);
        Assert.Equal(store.SnapshotIndex + 1, from);
        Assert.Equal(5, records.Length);

        // The snapshot's dataset is the folded prefix: its lineage counts every write, its offset is the last one's.
        Assert.Equal(store.SnapshotIndex, snapshot.Dataset.Lineage.Count);
        Assert.Equal(store.SnapshotIndex * 10, snapshot.Dataset.Offset);

        var (none, after, tail) = store.Read(store.SnapshotIndex + 2, store.LastIndex);
        Assert.Null(none);
        Assert.Equal(store.SnapshotIndex + 2, after);
        Assert.Equal(4, tail.Length);
    }

    [Fact]
    public void Install_LogHoldsTheSnapshotsLastRecordWithItsTerm_KeepsWhatFollows()
    {
        var leader = Filled(2 * LogStore.FoldChunk + 10);
        leader.Fold(leader.LastIndex - 10, leader.LastIndex + 1);
        var (snapshot, _, _) = leader.Read(1, leader.LastIndex);

        var follower = Filled(leader.LastIndex - 3);
        Assert.True(follower.Install(snapshot!));
        Assert.Equal(snapshot!.Index, follower.SnapshotIndex);
        Assert.Equal(7, follower.HeldRecords);
        Assert.False(follower.Install(snapshot));
    }

    [Fact]
    public void Install_LogDisagreesAtTheSnapshotsLastRecord_IsReplaced()
    {
        var leader = Filled(2 * LogStore.FoldChunk + 10, term: 2);
        leader.Fold(leader.LastIndex - 10, leader.LastIndex + 1);
        var (snapshot, _, _) = leader.Read(1, leader.LastIndex);

        var stale = Filled(leader.LastIndex, term: 1);
        Assert.True(stale.Install(snapshot!));
        Assert.Equal(snapshot!.Index, stale.LastIndex);
        Assert.Equal(0, stale.HeldRecords);
        Assert.Equal(2, stale.TermAt(stale.LastIndex));
    }

    [Fact]
    public void Snapshot_ExactLedger_KeepsEveryFoldedEntry()
    {
        var store = Filled(2 * LogStore.FoldChunk, keepEveryEntry: true);
        store.Fold(store.LastIndex, store.LastIndex + 1);
        var (snapshot, _, _) = store.Read(1, store.LastIndex);
        Assert.Equal(0, snapshot!.Dataset.FirstHeld);
        Assert.Equal(17, snapshot.Dataset[16].WriteId);
    }
}
