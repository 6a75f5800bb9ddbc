using System.Security.Cryptography;
using System.Text;

namespace Northstar.Core.Import.Mapping;

/// <summary>
/// The id of an event row that has none: <c>h</c> followed by the first 16 bytes (32 hex digits)
/// of SHA-256 over the row's non-empty cells, each as <c>name 0x1F value 0x1E</c>, taken in
/// ordinal order of the normalised column names (the <c>id</c> column excluded). So the id depends
/// only on the row's content: not on column order, delimiter, quoting, or empty columns; the same
/// row imported twice gets the same id and is stored once.
/// </summary>
internal sealed class EventIdHasher
{
    private readonly (int Index, byte[] Name)[] _columns;
    private byte[] _scratch = new byte[1024];

    public EventIdHasher(ColumnSet columns, int idColumn)
    {
        _columns = [.. Enumerable.Range(0, columns.Count)
            .Where(i => i != idColumn)
            .OrderBy(i => columns.Names[i], StringComparer.Ordinal)
            .Select(i => (i, Encoding.UTF8.GetBytes(columns.Names[i])))];
    }

    public string Hash(RowContext row)
    {
        var length = 0;
        foreach (var (index, name) in _columns)
        {
            var cell = row.Cell(index);
            if (cell.IsEmpty)
            {
                continue;
            }

            Ensure(length + name.Length + cell.Length + 2);
            name.CopyTo(_scratch, length);
            length += name.Length;
            _scratch[length++] = 0x1F;
            cell.CopyTo(_scratch.AsSpan(length));
            length += cell.Length;
            _scratch[length++] = 0x1E;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_scratch.AsSpan(0, length), digest);
        return "h" + Convert.ToHexStringLower(digest[..16]);
    }

    private void Ensure(int size)
    {
        if (size > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(size, _scratch.Length * 2));
        }
    }
}
