using System.Text;
using Northstar.Core.Import.Csv;

namespace Northstar.Core.Tests.Import;

public sealed class CellParsersTests
{
    [Theory]
    [InlineData("2026-03-01T14:30:00Z", "2026-03-01T14:30:00.0000000+00:00")]
    [InlineData("2026-03-01t14:30:00z", "2026-03-01T14:30:00.0000000+00:00")]
    [InlineData("2026-03-01T14:30:00.1234567Z", "2026-03-01T14:30:00.1234567+00:00")]
    [InlineData("2026-03-01T14:30:00.123456789Z", "2026-03-01T14:30:00.1234567+00:00")]
    [InlineData("2026-03-01T14:30:00.5+02:00", "2026-03-01T12:30:00.5000000+00:00")]
    [InlineData("2026-03-01T14:30-0130", "2026-03-01T16:00:00.0000000+00:00")]
    [InlineData("2026-03-01T01:00:00+05", "2026-02-28T20:00:00.0000000+00:00")]
    [InlineData("2026-03-01 14:30", "2026-03-01T14:30:00.0000000+00:00")]
    [InlineData("2026-03-01", "2026-03-01T00:00:00.0000000+00:00")]
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59.0000000+00:00")]
    public void TryParseTimestamp_Iso8601_ParsesToUtc(string text, string expected)
    {
        Assert.True(CellParsers.TryParseTimestamp(Encoding.UTF8.GetBytes(text), TimeZoneInfo.Utc, out var value));
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-29")]
    [InlineData("2026-03-01T24:00:00Z")]
    [InlineData("2026-03-01T14:60Z")]
    [InlineData("2026-03-01T14:30:00.Z")]
    [InlineData("2026-03-01T14")]
    [InlineData("2026-03-01X")]
    [InlineData("2026-03-01T14:30:00+2")]
    [InlineData("01/03/2026")]
    [InlineData("20260301")]
    [InlineData("")]
    public void TryParseTimestamp_NotIso8601_Fails(string text) =>
        Assert.False(CellParsers.TryParseTimestamp(Encoding.UTF8.GetBytes(text), TimeZoneInfo.Utc, out _));

    [Theory]
    [InlineData("1234.5", 1234.5)]
    [InlineData("-0.01", -0.01)]
    [InlineData("+7", 7)]
    [InlineData("0", 0)]
    public void TryParseDecimal_PlainDecimal_Parses(string text, double expected)
    {
        Assert.True(CellParsers.TryParseDecimal(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1,234.5")]
    [InlineData("1234,5")]
    [InlineData("1e3")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData(" 12")]
    [InlineData("12 ")]
    [InlineData("$12")]
    public void TryParseDecimal_NotPlain_Fails(string text) =>
        Assert.False(CellParsers.TryParseDecimal(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("12,345", 12345)]
    [InlineData("1,000,000", 1000000)]
    public void TryParseGroupedDecimal_EnUsGrouping_Parses(string text, double expected)
    {
        Assert.True(CellParsers.TryParseGroupedDecimal(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1234,5")]
    [InlineData("1,23")]
    [InlineData("1234,567")]
    [InlineData(",123")]
    [InlineData("1,234,56")]
    public void TryParseGroupedDecimal_NotThreeDigitGroups_Fails(string text) =>
        Assert.False(CellParsers.TryParseGroupedDecimal(Encoding.UTF8.GetBytes(text), out _));
}
