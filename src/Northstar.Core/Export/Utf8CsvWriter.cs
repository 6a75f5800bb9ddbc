using System.Buffers;
using System.Globalization;
using System.Text;

namespace Northstar.Core.Export;

/// <summary>
/// Writes one CSV file as UTF-8 straight into a large byte buffer: no string per field,
/// RFC 4180 quoting only where a value needs it, invariant numbers, UTC timestamps with 'Z'.
/// </summary>
internal sealed class Utf8CsvWriter : IDisposable
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _position;
    private bool _rowStarted;

    public Utf8CsvWriter(Stream stream, int bufferBytes)
    {
        _stream = stream;
        _buffer = new byte[Math.Max(bufferBytes, 4096)];
    }

    /// <summary>Writes a header row of plain names.</summary>
    public void Header(IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
        {
            Field(column);
        }

        EndRow();
    }

    public void Field(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Ensure((value.Length * 3) + 2);
        if (value.AsSpan().IndexOfAny(NeedsQuoting) < 0)
        {
            _position += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position));
            return;
        }

        WriteQuoted(value);
    }

    /// <summary>Writes bytes that are known to need no quoting (pre-encoded enum names).</summary>
    public void Field(ReadOnlySpan<byte> plain)
    {
        Separator();
        Ensure(plain.Length);
        plain.CopyTo(_buffer.AsSpan(_position));
        _position += plain.Length;
    }

    public void Field(DateTimeOffset? value)
    {
        Separator();
        if (value is { } v)
        {
            Ensure(32);
            _position += Iso8601.WriteUtc(v, _buffer.AsSpan(_position));
        }
    }

    public void Field(DateOnly value)
    {
        Separator();
        Ensure(16);
        _position += Iso8601.WriteDate(value, _buffer.AsSpan(_position));
    }

    public void Field(long? value)
    {
        Separator();
        if (value is { } v)
        {
            Ensure(24);
            v.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
            _position += written;
        }
    }

    public void Field(decimal? value)
    {
        Separator();
        if (value is { } v)
        {
            Ensure(40);
            v.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
            _position += written;
        }
    }

    public void Field(double value)
    {
        Separator();
        Ensure(40);
        value.TryFormat(_buffer.AsSpan(_position), out var written, "R", CultureInfo.InvariantCulture);
        _position += written;
    }

    public void Field(bool? value)
    {
        if (value is { } v)
        {
            Field(v ? "true"u8 : "false"u8);
            return;
        }

        Separator();
    }

    public void EndRow()
    {
        Ensure(1);
        _buffer[_position++] = (byte)'\n';
        _rowStarted = false;
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _position);
        _position = 0;
        _stream.Flush();
    }

    public void Dispose() => _stream.Dispose();

    private void WriteQuoted(string value)
    {
        Ensure((value.Length * 4) + 2);
        _buffer[_position++] = (byte)'"';
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var quote = rest.IndexOf('"');
            var part = quote < 0 ? rest : rest[..quote];
            _position += Encoding.UTF8.GetBytes(part, _buffer.AsSpan(_position));
            if (quote < 0)
            {
                break;
            }

            _buffer[_position++] = (byte)'"';
            _buffer[_position++] = (byte)'"';
            rest = rest[(quote + 1)..];
        }

        _buffer[_position++] = (byte)'"';
    }

    private void Separator()
    {
        if (_rowStarted)
        {
            Ensure(1);
            _buffer[_position++] = (byte)',';
        }

        _rowStarted = true;
    }

    private void Ensure(int bytes)
    {
        if (_position + bytes <= _buffer.Length)
        {
            return;
        }

        _stream.Write(_buffer, 0, _position);
        _position = 0;
        if (bytes > _buffer.Length)
        {
            _buffer = new byte[bytes];
        }
    }
}
