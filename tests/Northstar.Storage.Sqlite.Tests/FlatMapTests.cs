using Northstar.Storage.Sqlite.Views;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>The views' open-addressing map: colliding keys, wrap-around, growth.</summary>
public sealed class FlatMapTests
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15;

    [Fact]
    public void GetOrAdd_KeysSharingHomeSlot_EachKeepsItsOwnValue()
    {
        // Arrange: j × (inverse of the multiplier) hashes to j, so every key has home slot 0.
        var map = new FlatMap<int>(64);
        var keys = Enumerable.Range(1, 40).Select(j => (long)((ulong)j * Inverse(Fibonacci))).ToArray();

        // Act
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            map.GetOrAdd(key, out _) = i + 1;
        }

        ref var again = ref map.GetOrAdd(keys[25], out var existed);

        // Assert
        Assert.True(existed);
        Assert.Equal(26, again);
        Assert.Equal(40, map.Count);
        Assert.Equal(Enumerable.Range(1, 40), map.Entries().Select(e => e.Value).Order());
    }

    [Fact]
    public void GetOrAdd_ProbeRunPastLastSlot_WrapsToStart()
    {
        // Arrange: -j × inverse hashes to 2^64 - j: home is the last slot, the run wraps round.
        var map = new FlatMap<long>(8);
        var keys = Enumerable.Range(1, 6).Select(j => (long)(0UL - ((ulong)j * Inverse(Fibonacci)))).ToArray();

        // Act
        foreach (var key in keys)
        {
            map.GetOrAdd(key, out _) += key;
        }

        foreach (var key in keys)
        {
            map.GetOrAdd(key, out _) += key;
        }

        // Assert: each key found again (not added twice), value doubled.
        Assert.Equal(6, map.Count);
        Assert.All(map.Entries(), e => Assert.Equal(2 * e.Key, e.Value));
    }

    [Fact]
    public void GetOrAdd_ManyKeysFromSmallStart_GrowsAndMatchesDictionary()
    {
        // Arrange
        var map = new FlatMap<int>(1);
        var reference = new Dictionary<long, int>();
        var random = new Random(7);

        // Act: 20,000 increments over 3,000 keys (with negatives and zero).
        for (var i = 0; i < 20_000; i++)
        {
            var key = random.Next(-1500, 1500) * 1_000_003L;
            map.GetOrAdd(key, out _)++;
            reference[key] = reference.GetValueOrDefault(key) + 1;
        }

        // Assert
        Assert.Equal(reference.Count, map.Count);
        Assert.Equal(reference.OrderBy(r => r.Key), map.Entries().OrderBy(e => e.Key));
        Assert.Equal(20_000, map.Entries().Sum(e => e.Value));
    }

    [Fact]
    public void TryGet_HeldAndAbsentKeysOnOneProbeRun_FindsOnlyHeld()
    {
        // Arrange: three keys on home slot 0, so the absent one is looked for along their run.
        var map = new FlatMap<decimal>(16);
        var keys = Enumerable.Range(1, 4).Select(j => (long)((ulong)j * Inverse(Fibonacci))).ToArray();
        map.GetOrAdd(keys[0], out _) += 1.5m;
        map.GetOrAdd(keys[1], out _) += 2.25m;
        map.GetOrAdd(keys[2], out _) -= 4m;

        // Act
        var found = map.TryGet(keys[1], out var held);
        var missing = map.TryGet(keys[3], out var none);

        // Assert
        Assert.True(found);
        Assert.Equal(2.25m, held);
        Assert.False(missing);
        Assert.Equal(0m, none);
    }

    [Fact]
    public void Clear_AfterUse_MapEmptyAndReusable()
    {
        // Arrange
        var map = new FlatMap<int>();
        for (var k = 0; k < 100; k++)
        {
            map.GetOrAdd(k, out _) = k;
        }

        // Act
        map.Clear();
        map.GetOrAdd(5, out var existed) = 9;

        // Assert
        Assert.False(existed);
        Assert.Equal(1, map.Count);
        Assert.Equal([new KeyValuePair<long, int>(5, 9)], map.Entries());
    }

    // The multiplicative inverse modulo 2^64 of an odd number (Newton's iteration doubles the correct bits).
    private static ulong Inverse(ulong odd)
    {
        var x = odd;
        for (var i = 0; i < 6; i++)
        {
            x *= 2 - (odd * x);
        }

        Assert.Equal(1UL, odd * x);
        return x;
    }
}
