using System.Net;
using System.Net.Sockets;
using Northstar.Core.Storage;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>The HTTP client against a real server: RowBinary round trips, escaping, errors.</summary>
public sealed class ClickHouseClientTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Single();
    private readonly ClickHouseClient _client;

    public ClickHouseClientTests()
    {
        _database.Open().Dispose(); // creates the database
        _client = new ClickHouseClient(ClickHouseTestServer.Url, ClickHouseConnectionString.Parse(_database.ConnectionString).Database);
    }

    public static TheoryData<string> Texts => new()
    {
        "", "plain", "tab\there", "new\nline", "back\\slash", "quote ' and \"", "nul\0byte", "ünïcødé ✓ 𝄞", new string('x', 300),
    };

    [Fact]
    public void Insert_EveryTypeTheStoreUses_ReadsBackTheSame()
    {
        _client.Execute(
            "CREATE TABLE t (i8 Int8, u8 UInt8, u16 UInt16, i32 Int32, u32 UInt32, i64 Int64, u64 UInt64, f Float64, d Date, dt DateTime, " +
            "dec Decimal128(12), s String, ns Nullable(String), ni Nullable(Int64), a Array(String)) ENGINE = Memory");
        var w = new RowBinaryWriter();
        w.Int8(-5);
        w.UInt8(250);
        w.UInt16(65_000);
        w.Int32(-2_000_000_000);
        w.UInt32(4_000_000_000);
        w.Int64(-9_000_000_000_000_000_000);
        w.UInt64(18_000_000_000_000_000_000);
        w.Float64(0.1);
        w.Date(new DateOnly(2026, 3, 29));
        w.DateTime(new DateTimeOffset(2026, 3, 29, 1, 30, 5, TimeSpan.Zero));
        w.Decimal128(-1234.5678m, 12);
        w.String("héllo");
        w.NullableString(null);
        w.NullFlag(true);
        w.Int64(42);
        w.VarUInt(2);
        w.String("a");
        w.String("b\tc");
        _client.Insert("t", "i8, u8, u16, i32, u32, i64, u64, f, d, dt, dec, s, ns, ni, a", w.Written);

        var row = _client.Query("SELECT * FROM t", r => (
            r.Int8(), r.UInt8(), r.UInt16(), r.Int32(), r.UInt32(), r.Int64(), r.UInt64(), r.Float64(), r.Date(), r.DateTime(),
            r.Decimal128(12), r.String(), r.NullableString(), r.HasValue() ? r.Int64() : -1, ReadArray(r))).Single();

        Assert.Equal((sbyte)-5, row.Item1);
        Assert.Equal((byte)250, row.Item2);
        Assert.Equal((ushort)65_000, row.Item3);
        Assert.Equal(-2_000_000_000, row.Item4);
        Assert.Equal(4_000_000_000u, row.Item5);
        Assert.Equal(-9_000_000_000_000_000_000, row.Item6);
        Assert.Equal(18_000_000_000_000_000_000ul, row.Item7);
        Assert.Equal(0.1, row.Item8);
        Assert.Equal(new DateOnly(2026, 3, 29), row.Item9);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 5, TimeSpan.Zero), row.Item10);
        Assert.Equal(-1234.5678m, row.Item11);
        Assert.Equal("héllo", row.Item12);
        Assert.Null(row.Item13);
        Assert.Equal(42, row.Item14);
        Assert.Equal(["a", "b\tc"], row.Item15);
        // The server's own reading of the same bytes: the date and the decimal as text.
        Assert.Equal("2026-03-29|2026-03-29 01:30:05|-1234.567800000000", string.Join("|", _client.QueryText("SELECT toString(d), toString(dt), toString(dec) FROM t")[0]));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void String_AwkwardText_RoundTripsAsRowBinaryAsLiteralAndAsTabSeparated(string text)
    {
        _client.Execute("CREATE TABLE IF NOT EXISTS s (v String) ENGINE = Memory");
        _client.Execute("TRUNCATE TABLE s");
        var w = new RowBinaryWriter();
        w.String(text);
        _client.Insert("s", "v", w.Written);

        Assert.Equal(text, _client.Query("SELECT v FROM s", r => r.String()).Single());
        Assert.Equal(text, _client.QueryText("SELECT v FROM s")[0][0]);
        Assert.Equal("1", _client.QueryValue($"SELECT count() FROM s WHERE v = {ClickHouseClient.Quote(text)}"));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text).ToString(System.Globalization.CultureInfo.InvariantCulture), _client.QueryValue("SELECT length(v) FROM s"));
    }

    [Fact]
    public void Execute_UnknownTable_ThrowsWithCodeTextAndSql()
    {
        var e = Assert.Throws<ClickHouseException>(() => _client.Execute("SELECT * FROM no_such_table"));

        Assert.Equal(60, e.Code); // UNKNOWN_TABLE
        Assert.Contains("no_such_table", e.ServerText, StringComparison.Ordinal);
        Assert.DoesNotContain("e.what()", e.ServerText, StringComparison.Ordinal);
        Assert.Equal("SELECT * FROM no_such_table", e.Sql);
    }

    [Fact]
    public void Execute_SyntaxError_ThrowsCode62()
    {
        var e = Assert.Throws<ClickHouseException>(() => _client.Execute("SELEC 1"));

        Assert.Equal(62, e.Code); // SYNTAX_ERROR
    }

    [Fact]
    public void Execute_NobodyListening_ThrowsStoreTransientException()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port nobody listens on now
        using var client = new ClickHouseClient(new Uri($"http://127.0.0.1:{port}"));

        Assert.Throws<StoreTransientException>(() => client.Execute("SELECT 1"));
    }

    [Fact]
    public void Open_NobodyListening_ThrowsStoreTransientException()
    {
        Assert.Throws<StoreTransientException>(() => ClickHouseFactStore.Open("Url=http://127.0.0.1:9;Database=ns_nowhere"));
    }

    public void Dispose()
    {
        _client.Dispose();
        _database.Dispose();
    }

    private static string[] ReadArray(RowBinaryReader r)
    {
        var items = new string[(int)r.VarUInt()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = r.String();
        }

        return items;
    }
}
