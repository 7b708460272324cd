using System.Text;
using RedisFailoverSim.Model.Cluster;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>The key → slot function against the cluster spec's test vector and a real Redis 7.0.15 (docs/sources.md §3.1).</summary>
public class HashSlotTests
{
    [Fact]
    public void Crc16_SpecTestVector_Is0x31C3()
    {
        // cluster-spec.md, "Keys distribution model": CRC16 of "123456789" is 0x31C3 (XMODEM).
        Assert.Equal(0x31C3, HashSlot.Crc16("123456789"u8));
    }

    // Each value is what `redis-cli -p 32000 cluster keyslot <key>` answered on redis-server 7.0.15 (cluster-enabled),
    // 2026-12-03.
    [Theory]
    [InlineData("123456789", 12739)]
    [InlineData("somekey", 11058)]
    [InlineData("foo{hash_tag}", 2515)]
    [InlineData("{hash_tag}", 2515)]
    [InlineData("foo", 12182)]
    [InlineData("bar", 5061)]
    [InlineData("hello", 866)]
    [InlineData("{user1000}.following", 3443)]
    [InlineData("{user1000}.followers", 3443)]
    [InlineData("key:0", 2592)]
    [InlineData("key:1", 6657)]
    [InlineData("key:99999", 2036)]
    [InlineData("a{}b", 13694)]
    [InlineData("{}x", 10595)]
    [InlineData("x{y", 2740)]
    [InlineData("{a}{b}", 15495)]
    public void Of_Key_MatchesRealRedis(string key, int slot)
    {
        Assert.Equal(slot, HashSlot.Of(key));
        Assert.Equal(slot, HashSlot.Of(Encoding.UTF8.GetBytes(key)));
    }

    [Fact]
    public void Of_HashTag_OnlyTheTagDecides()
    {
        Assert.Equal(HashSlot.Of("user1000"), HashSlot.Of("{user1000}.following"));
    }
}
