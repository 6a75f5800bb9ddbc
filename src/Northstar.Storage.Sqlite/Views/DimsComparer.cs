using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Northstar.Core.Metrics.Views;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// Equality of dimension tuples with a cheap hash for the per-event interning: a multiply-xor
/// over each value's chars four at a time, where the record's own hash runs the randomised
/// (Marvin) string hash over all eleven values. Values are compared by reference first (the
/// import pools its strings), then ordinally.
/// </summary>
internal sealed class DimsComparer : IEqualityComparer<EventDims>
{
    public static DimsComparer Instance { get; } = new();

    public bool Equals(EventDims x, EventDims y) =>
        Same(x.Channel, y.Channel) && Same(x.Source, y.Source) && Same(x.Medium, y.Medium) && Same(x.Campaign, y.Campaign)
        && Same(x.LandingPage, y.LandingPage) && Same(x.Page, y.Page) && Same(x.Cta, y.Cta) && Same(x.Form, y.Form)
        && Same(x.Field, y.Field) && Same(x.Variant, y.Variant) && Same(x.Asset, y.Asset);

    public int GetHashCode(EventDims obj)
    {
        var h = Mix(Mix(Mix(Mix(0, obj.Channel), obj.Source), obj.Medium), obj.Campaign);
        h = Mix(Mix(Mix(Mix(h, obj.LandingPage), obj.Page), obj.Cta), obj.Form);
        h = Mix(Mix(Mix(h, obj.Field), obj.Variant), obj.Asset);
        return (int)(h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Same(string? a, string? b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, string? value)
    {
        const ulong K = 0x9E3779B97F4A7C15;
        if (value is null)
        {
            return (h ^ 0x5bd1e995) * K;
        }

        var chars = value.AsSpan();
        h = (h ^ (ulong)chars.Length) * K;
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var word in words)
        {
            h = (h ^ word) * K;
            h ^= h >> 29;
        }

        for (var i = words.Length * 4; i < chars.Length; i++)
        {
            h = (h ^ chars[i]) * K;
        }

        return h ^ (h >> 32);
    }
}
