using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Northstar.Core.Import.Csv;

/// <summary>Byte-level checks and rewrites behind <see cref="Utf8CsvReader"/>.</summary>
internal static class CsvText
{
    /// <summary>The first NUL byte or invalid UTF-8 sequence, whichever comes first; null for clean text.</summary>
    public static (string What, int Index)? FindNonText(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        if (Utf8.IsValid(bytes))
        {
            return nul < 0 ? null : ("NUL byte", nul);
        }

        var index = 0;
        while (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) == OperationStatus.Done)
        {
            index += consumed;
        }

        return nul >= 0 && nul < index ? ("NUL byte", nul) : ("invalid UTF-8", index);
    }

    /// <summary>';' when the header line has more semicolons than commas outside quotes, else ','.</summary>
    public static byte SniffDelimiter(ReadOnlySpan<byte> header)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var b in header)
        {
            quoted ^= b == '"';
            commas += !quoted && b == ',' ? 1 : 0;
            semicolons += !quoted && b == ';' ? 1 : 0;
        }

        return semicolons > commas ? (byte)';' : (byte)',';
    }

    /// <summary>Turns each doubled quote into one, in place; returns the new length.</summary>
    public static int Unescape(Span<byte> field)
    {
        var write = 0;
        for (var read = 0; read < field.Length; read++, write++)
        {
            field[write] = field[read];
            read += field[read] == '"' ? 1 : 0;
        }

        return write;
    }
}
