using Microsoft.Data.Sqlite;
using Northstar.Core.Accounts;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Accounts;

/// <summary>Reads the account tables' rows into Core's records.</summary>
internal static class AccountRows
{
    public const string UserSelect = "SELECT id, name, password_hash, created_at FROM users";

    public const string TokenSelect = "SELECT id, user_id, workspace_id, name, prefix, role, created_at FROM api_tokens";

    public const string WriteKeySelect = "SELECT id, workspace_id, name, key, created_at, revoked_at FROM write_keys";

    private const string MembershipSelect = """
        SELECT u.id, u.name, u.password_hash, u.created_at, w.id, w.name, w.time_zone, m.role
        FROM memberships m JOIN users u ON u.id = m.user_id JOIN workspaces w ON w.id = m.workspace_id
        WHERE
        """;

    public static List<UserAccount> Users(SqliteFactStore store, string sql, params (string Name, object Value)[] parameters) =>
        Query(store, sql, parameters, ReadUser);

    public static List<ApiToken> Tokens(SqliteFactStore store, string sql, params (string Name, object Value)[] parameters) =>
        Query(store, sql, parameters, r => new ApiToken(
            r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
            EnumNames<WorkspaceRole>.Parse(r.GetString(5)), StoreValues.FromMicros(r.GetInt64(6))));

    public static List<WriteKey> WriteKeys(SqliteFactStore store, string sql, params (string Name, object Value)[] parameters) =>
        Query(store, sql, parameters, r => new WriteKey(
            r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), StoreValues.FromMicros(r.GetInt64(4)),
            r.IsDBNull(5) ? null : StoreValues.FromMicros(r.GetInt64(5))));

    public static List<Membership> Memberships(SqliteFactStore store, string where, params (string Name, object Value)[] parameters) =>
        Query(store, MembershipSelect + " " + where, parameters, r => new Membership(
            ReadUser(r), new Workspace(r.GetInt64(4), r.GetString(5), r.GetString(6)), EnumNames<WorkspaceRole>.Parse(r.GetString(7))));

    private static UserAccount ReadUser(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), StoreValues.FromMicros(r.GetInt64(3)));

    /// <summary>A command of <paramref name="sql"/> on the connection with its named parameters bound.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static List<T> Query<T>(SqliteFactStore store, string sql, (string Name, object Value)[] parameters, Func<SqliteDataReader, T> read)
    {
        using var connection = store.OpenConnection();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
