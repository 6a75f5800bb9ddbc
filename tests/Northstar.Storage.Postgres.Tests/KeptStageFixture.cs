using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Builders;
using Npgsql;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>
/// Four contacts without events (their channel is the contact's own) for the kept stage rollup,
/// small enough to count by hand: 4 contacts + 5 stage changes = 9 facts in one session.
/// </summary>
/// <remarks>
/// Moments (days): c1 first known 1, lead 2, mql 3 (iql filled with 3); c2 first known 1, lead 2
/// (same values as c1); c3 first known 2, mql 4 (lead, iql filled with 4), segment '' and no owner;
/// c4 first known 2, customer 5 (lead to proposal filled with 5), no channel or segment.
/// Kept rows per moment: first known 3 (d1 c1+c2 = 2, d2 c3, d2 c4), lead 3 (d2 = 2, d4, d5),
/// iql 3, mql 3 (d3, d4, d5), sal, sql, opportunity, proposal, customer 1 each (d5): 17 rows.
/// </remarks>
internal static class KeptStageFixture
{
    public const int Facts = 9;

    public static Contact[] Contacts { get; } =
    [
        new ContactBuilder("c1").CreatedAt(day: 1).Channel("email").Segment("smb").Owner("ana").IcpFit(true).Build(),
        new ContactBuilder("c2").CreatedAt(day: 1, hour: 5).Channel("email").Segment("smb").Owner("ana").IcpFit(true).Build(),
        new ContactBuilder("c3").CreatedAt(day: 2).Channel("paid_search").Segment("").Build(),
        new ContactBuilder("c4").CreatedAt(day: 2, hour: 3).Build(),
    ];

    public static StageChange[] Stages { get; } =
    [
        new StageChangeBuilder("c1").Stage(Stage.Lead).EnteredAt(day: 2).Build(),
        new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 3).Build(),
        new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 2, hour: 6).Build(),
        new StageChangeBuilder("c3").Stage(Stage.Mql).EnteredAt(day: 4).Build(),
        new StageChangeBuilder("c4").Stage(Stage.Customer).EnteredAt(day: 5).Build(),
    ];

    /// <summary>Writes the contacts and stage changes in one session and commits.</summary>
    public static void Write(IFactStore store, Workspace workspace)
    {
        using var session = store.BeginWrite(workspace);
        var conflicts = new List<int>();
        session.Write<Contact>(Contacts, conflicts);
        session.Write<StageChange>(Stages, conflicts);
        session.Commit();
        Assert.Empty(conflicts);
    }

    /// <summary>Rows of one query on the database, each as its values joined by '|' (SQL NULL as "null").</summary>
    public static List<string> Rows(TestDatabase database, string sql)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join("|", values));
        }

        return rows;
    }

    /// <summary>
    /// Renames the tables lifecycles are assembled from, so that a store can answer the stage rollup
    /// only from its kept rows (assembling would fail: the tables are gone).
    /// </summary>
    public static void HideLifecycleTables(TestDatabase database)
    {
        database.Scalar("ALTER TABLE contacts RENAME TO contacts_hidden");
        database.Scalar("ALTER TABLE stages RENAME TO stages_hidden");
    }
}
