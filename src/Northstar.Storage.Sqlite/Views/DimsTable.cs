using System.Runtime.CompilerServices;
using Northstar.Core.Metrics.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// The distinct dimension tuples of a workspace's events, table <c>event_dims</c>, each under a
/// 64-bit id (a hash of the tuple; a taken id with another tuple probes the next). Rollup rows
/// and firsts refer to a tuple by id, so they stay narrow and a rollup key has no NULL in it.
/// Rows are only added (a tuple no rollup row uses any more costs a few bytes); ClearFacts removes them.
/// </summary>
internal sealed class DimsTable : IDisposable
{
    public const string Columns = "channel, source, medium, campaign, landing_page, page, cta, form, field, variant, asset";

    private readonly long _workspaceId;
    private readonly Statement _select;
    private readonly Statement _insert;
    private readonly Dictionary<EventDims, long> _ids = [];

    public DimsTable(sqlite3 db, long workspaceId)
    {
        _workspaceId = workspaceId;
        _select = new Statement(db, $"SELECT {Columns} FROM event_dims WHERE workspace_id = ?1 AND id = ?2");
        _insert = new Statement(db, $"INSERT INTO event_dims(workspace_id, id, {Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    }

    /// <summary>The id of the tuple, stored first if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long IdOf(EventDims dims)
    {
        if (_ids.TryGetValue(dims, out var known))
        {
            return known;
        }

        for (var id = Hash(dims); ; id++)
        {
            var stored = _select.Int(1, _workspaceId).Int(2, id).Rows().Select(Read).Take(1).ToList();
            if (stored.Count == 0)
            {
                _insert.Int(1, _workspaceId).Int(2, id);
                Bind(_insert, 3, dims);
                _insert.Run();
            }
            else if (stored[0] != dims)
            {
                continue;
            }

            _ids[dims] = id;
            return id;
        }
    }

    public void Dispose()
    {
        _select.Dispose();
        _insert.Dispose();
    }

    /// <summary>The stored tuples of the given ids.</summary>
    public static Dictionary<long, EventDims> ReadAll(sqlite3 db, long workspaceId, IEnumerable<long> ids)
    {
        using var select = new Statement(db, $"SELECT {Columns} FROM event_dims WHERE workspace_id = ?1 AND id = ?2");
        var tuples = new Dictionary<long, EventDims>();
        foreach (var id in ids)
        {
            if (!tuples.ContainsKey(id))
            {
                tuples[id] = select.Int(1, workspaceId).Int(2, id).Rows().Select(Read).First();
            }
        }

        return tuples;
    }

    /// <summary>Reads <see cref="Columns"/> from the reader's position on.</summary>
    public static EventDims Read(Sql.RowReader row) => new(
        row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(),
        row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Bind(Statement statement, int first, EventDims dims)
    {
        string?[] values = [dims.Channel, dims.Source, dims.Medium, dims.Campaign, dims.LandingPage, dims.Page, dims.Cta, dims.Form, dims.Field, dims.Variant, dims.Asset];
        for (var i = 0; i < values.Length; i++)
        {
            statement.Text(first + i, values[i]);
        }
    }

    // FNV-1a over each value (a marker for NULL, a separator after each), kept to 62 bits so probing never overflows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Hash(EventDims dims)
    {
        var h = 14695981039346656037UL;
        foreach (var value in (string?[])[dims.Channel, dims.Source, dims.Medium, dims.Campaign, dims.LandingPage, dims.Page, dims.Cta, dims.Form, dims.Field, dims.Variant, dims.Asset])
        {
            h = (h ^ (value is null ? 1UL : 2UL)) * 1099511628211UL;
            foreach (var c in value ?? string.Empty)
            {
                h = (h ^ c) * 1099511628211UL;
            }
        }

        return (long)(h >> 2);
    }
}
