using System.Globalization;
using System.Runtime.CompilerServices;

namespace Northstar.Core.Attribution;

/// <summary>
/// Parses a path table's number cells straight from UTF-8. Plain decimals ("1234", "56.78")
/// take a short exact path; anything else (signs, exponents, long digit runs) goes to
/// <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>.
/// </summary>
internal static class PathTableNumbers
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// The cell's number (0 for a blank cell); false when it is not a finite number of at least 0.
    /// The same answer as double.TryParse with <see cref="NumberStyles.Float"/>, invariant culture.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> cell, out double value)
    {
        cell = TrimSpace(cell, out _);
        if (cell.IsEmpty)
        {
            value = 0;
            return true;
        }

        if (TryPlainDecimal(cell, out value))
        {
            return true;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0;
    }

    /// <summary>
    /// The cell without the ASCII white space string.Trim removes (tab to carriage return,
    /// space) at either end; <paramref name="lead"/> says how many bytes went from the start.
    /// (Span.Trim with a set of bytes searches the set for every byte: a tenth of the read.)
    /// </summary>
    public static ReadOnlySpan<byte> TrimSpace(ReadOnlySpan<byte> cell, out int lead)
    {
        var (start, end) = (0, cell.Length);
        while (start < end && IsSpace(cell[start]))
        {
            start++;
        }

        while (end > start && IsSpace(cell[end - 1]))
        {
            end--;
        }

        lead = start;
        return cell[start..end];
    }

    private static bool IsSpace(byte b) => b == ' ' || (uint)(b - '\t') <= '\r' - '\t';

    // Digits with at most one '.', at most 15 significant digits: the mantissa m < 10^15 < 2^53
    // and 10^k (k <= 22) are exact doubles, so m / 10^k is one correctly rounded division, the
    // same double a full parser returns (Clinger's fast path).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryPlainDecimal(ReadOnlySpan<byte> cell, out double value)
    {
        value = 0;
        var (mantissa, digits, fraction, dot) = (0L, 0, 0, false);
        foreach (var b in cell)
        {
            if (b == '.' && !dot)
            {
                dot = true;
                continue;
            }

            var d = b - '0';
            if ((uint)d > 9 || digits >= 15)
            {
                return false;
            }

            mantissa = (mantissa * 10) + d;
            digits += mantissa > 0 ? 1 : 0;
            fraction += dot ? 1 : 0;
        }

        if (fraction > 22 || cell.Length == (dot ? 1 : 0))
        {
            return false;
        }

        value = mantissa / PowersOfTen[fraction];
        return true;
    }
}
