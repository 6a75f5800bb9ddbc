using System.Buffers;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Lifecycles;

/// <summary>
/// One <see cref="ContactLifecycle"/> as a compact blob (a row of <c>contact_lifecycles</c>):
/// strings as varint length + 1 (0 for null) and UTF-8, times as zig-zag varint unix
/// microseconds, the entered stages as a bit mask and their times. The read decodes a whole
/// workspace's rows, so repeated strings (channels, campaigns, segments) come from a pool.
/// </summary>
internal static class LifecycleCodec
{
    private const int HasFirstKnown = 1, HasTouch = 2, HasIcp = 4, IcpYes = 8, SourceFromTouch = 16, LandingFromTouch = 32;

    public static byte[] Encode(ContactLifecycle lifecycle)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        var w = new BlobWriter(buffer);
        w.String(lifecycle.ContactId);
        var touch = lifecycle.FirstTouch;
        // The assembler takes the source columns (and usually the landing page) from the first touch: stored once.
        var sourceFromTouch = touch is not null && touch.Channel == lifecycle.Channel && touch.Source == lifecycle.Source
            && touch.Medium == lifecycle.Medium && touch.Campaign == lifecycle.Campaign;
        var landingFromTouch = touch is not null && touch.LandingPage == lifecycle.LandingPage;
        var flags = (lifecycle.FirstKnownAt is null ? 0 : HasFirstKnown) | (touch is null ? 0 : HasTouch)
            | (lifecycle.IcpFit is null ? 0 : HasIcp) | (lifecycle.IcpFit == true ? IcpYes : 0)
            | (sourceFromTouch ? SourceFromTouch : 0) | (landingFromTouch ? LandingFromTouch : 0);
        w.Varint((ulong)flags);
        if (lifecycle.FirstKnownAt is { } known)
        {
            w.Time(known);
        }

        w.String(lifecycle.AccountId);
        w.String(lifecycle.Segment);
        w.String(lifecycle.Owner);
        if (touch is not null)
        {
            w.Time(touch.Timestamp);
            w.String(touch.Channel);
            w.String(touch.Source);
            w.String(touch.Medium);
            w.String(touch.Campaign);
            w.String(touch.LandingPage);
        }

        if (!sourceFromTouch)
        {
            w.String(lifecycle.Channel);
            w.String(lifecycle.Source);
            w.String(lifecycle.Medium);
            w.String(lifecycle.Campaign);
        }

        if (!landingFromTouch)
        {
            w.String(lifecycle.LandingPage);
        }

        EncodeEntered(ref w, lifecycle.Entered);
        return buffer.WrittenSpan.ToArray();
    }

    public static ContactLifecycle Decode(ReadOnlySpan<byte> blob, StringPool pool)
    {
        var r = new BlobReader(blob, pool);
        var id = r.UniqueString()!;
        var flags = (int)r.Varint();
        var firstKnown = (flags & HasFirstKnown) != 0 ? r.Time() : (DateTimeOffset?)null;
        var (account, segment, owner) = (r.String(), r.String(), r.String());
        var touch = (flags & HasTouch) != 0 ? new Touch(r.Time(), r.String(), r.String(), r.String(), r.String(), r.String()) : null;
        var (channel, source, medium, campaign) = (flags & SourceFromTouch) != 0
            ? (touch!.Channel, touch.Source, touch.Medium, touch.Campaign)
            : (r.String(), r.String(), r.String(), r.String());
        var landing = (flags & LandingFromTouch) != 0 ? touch!.LandingPage : r.String();
        return new ContactLifecycle
        {
            ContactId = id,
            FirstKnownAt = firstKnown,
            AccountId = account,
            Segment = segment,
            IcpFit = (flags & HasIcp) != 0 ? (flags & IcpYes) != 0 : null,
            Owner = owner,
            FirstTouch = touch,
            Channel = channel,
            Source = source,
            Medium = medium,
            Campaign = campaign,
            LandingPage = landing,
            Entered = DecodeEntered(ref r),
        };
    }

    private static void EncodeEntered(ref BlobWriter w, IReadOnlyList<DateTimeOffset?> entered)
    {
        var mask = 0UL;
        for (var i = 0; i < entered.Count; i++)
        {
            mask |= entered[i] is null ? 0UL : 1UL << i;
        }

        w.Varint((ulong)entered.Count);
        w.Varint(mask);
        foreach (var at in entered)
        {
            if (at is { } time)
            {
                w.Time(time);
            }
        }
    }

    private static DateTimeOffset?[] DecodeEntered(ref BlobReader r)
    {
        var entered = new DateTimeOffset?[(int)r.Varint()];
        var mask = r.Varint();
        for (var i = 0; i < entered.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                entered[i] = r.Time();
            }
        }

        return entered;
    }

    private ref struct BlobWriter(IBufferWriter<byte> output)
    {
        public readonly void Varint(ulong value) => Varints.Write(output, value);

        public readonly void Time(DateTimeOffset time) => Varint(Varints.ZigZag(StoreValues.ToMicros(time)));

        public readonly void String(string? value)
        {
            if (value is null)
            {
                Varint(0);
                return;
            }

            var length = System.Text.Encoding.UTF8.GetByteCount(value);
            Varint((ulong)length + 1);
            System.Text.Encoding.UTF8.GetBytes(value, output.GetSpan(length));
            output.Advance(length);
        }
    }

    private ref struct BlobReader(ReadOnlySpan<byte> blob, StringPool pool)
    {
        private readonly ReadOnlySpan<byte> _blob = blob;
        private int _at;

        public ulong Varint() => Varints.Read(_blob, ref _at);

        public DateTimeOffset Time() => StoreValues.FromMicros(Varints.UnZigZag(Varint()));

        /// <summary>A string that repeats across contacts, from the pool.</summary>
        public string? String() => TryBytes(out var utf8) ? pool.Get(utf8) : null;

        /// <summary>A string seen once (the contact id): not pooled.</summary>
        public string? UniqueString() => TryBytes(out var utf8) ? System.Text.Encoding.UTF8.GetString(utf8) : null;

        private bool TryBytes(out ReadOnlySpan<byte> bytes)
        {
            var length = (int)Varint();
            if (length == 0)
            {
                bytes = default;
                return false;
            }

            bytes = _blob.Slice(_at, length - 1);
            _at += length - 1;
            return true;
        }
    }
}
