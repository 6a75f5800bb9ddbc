using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Core.Workspaces;

namespace Northstar.Server.Tests.Api;

/// <summary>POST imports/{kind} (text/csv and multipart) and GET imports, into a workspace of their own.</summary>
public sealed class ImportApiTests : ApiTestBase
{
    /// <summary>Four events; line 3 has a month 13 and line 5 an unknown type (the header is line 1).</summary>
    private const string TwoBadRows = """
        id,timestamp,type,contact_id,channel
        u1,2026-02-01T10:00:00Z,session_start,c9,paid_search
        u2,2026-13-01T10:00:00Z,session_start,c9,paid_search
        u3,2026-02-02T10:00:00Z,session_start,c9,email
        u4,2026-02-03T10:00:00Z,teleport,c9,email

        """;

    private Workspace _uploads = null!;
    private HttpClient _editor = null!;

    private protected override void Arrange()
    {
        _uploads = World.Store.GetOrCreateWorkspace("uploads");
        _editor = World.As("edith", WorkspaceRole.Editor, _uploads);
    }

    [Fact]
    public async Task Upload_TwoBadRows_Is422WithBoth_AndNothingStored()
    {
        var (status, problem) = await UploadCsvAsync("imports/events?fileName=crm.csv", TwoBadRows);

        Assert.Equal(422, status);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal((3, "timestamp"), (errors[0].GetProperty("line").GetInt32(), errors[0].GetProperty("column").GetString()));
        Assert.Contains("2026-13-01", errors[0].GetProperty("reason").GetString()!, StringComparison.Ordinal);
        Assert.Equal((5, "type"), (errors[1].GetProperty("line").GetInt32(), errors[1].GetProperty("column").GetString()));
        Assert.Contains("teleport", errors[1].GetProperty("reason").GetString()!, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Equal("crm.csv", e.GetProperty("file").GetString()));
        Assert.Empty(World.Store.Read<EventFact>(_uploads));
    }

    [Fact]
    public async Task Upload_SkipBadRows_StoresTheGoodRows_AndTheLogListsBothImportsNewestFirst()
    {
        await UploadCsvAsync("imports/events?fileName=crm.csv", TwoBadRows);

        var (status, result) = await UploadCsvAsync("imports/events?fileName=crm.csv&skipBadRows=true", TwoBadRows);
        var log = await ApiWorld.GetJsonAsync(_editor, "imports", "uploads");

        Assert.Equal(200, status);
        Assert.Equal((4, 2, 2), (result.GetProperty("rows_read").GetInt32(), result.GetProperty("rows_stored").GetInt32(), result.GetProperty("rows_rejected").GetInt32()));
        Assert.Equal(2, result.GetProperty("errors").GetArrayLength()); // the rejects, listed
        Assert.Equal(["u1", "u3"], World.Store.Read<EventFact>(_uploads).Select(e => e.Id).Order(StringComparer.Ordinal));
        var entries = log.EnumerateArray().ToList();
        Assert.Equal(["imported_with_rejects", "refused"], entries.Select(e => e.GetProperty("outcome").GetString()));
        Assert.Equal("edith", entries[0].GetProperty("user_name").GetString());
        Assert.Equal("crm.csv", entries[0].GetProperty("file_name").GetString());
        Assert.Equal(2, entries[1].GetProperty("errors").GetArrayLength()); // each import keeps its bad-row report
        Assert.Equal(3, entries[1].GetProperty("errors")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Upload_Multipart_TakesTheFileAndItsName()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("id,timestamp,type,contact_id,channel\nm1,2026-02-01T10:00:00Z,session_start,c9,email\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "hubspot-export.csv");

        using var response = await _editor.PostAsync(ApiWorld.Path("imports/events", "uploads"), form);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hubspot-export.csv", result.GetProperty("file").GetString());
        Assert.Equal("imported", result.GetProperty("outcome").GetString());
        Assert.Equal("m1", Assert.Single(World.Store.Read<EventFact>(_uploads)).Id);
    }

    [Fact]
    public async Task Upload_UnknownKind_Is400_AndAsViewer403()
    {
        var viewer = World.As("vera", WorkspaceRole.Viewer, _uploads);

        var (unknown, problem) = await UploadCsvAsync("imports/planets", TwoBadRows);
        using var content = new StringContent(TwoBadRows, Encoding.UTF8, "text/csv");
        using var forbidden = await viewer.PostAsync(ApiWorld.Path("imports/events", "uploads"), content);

        Assert.Equal(400, unknown);
        Assert.Equal("kind", problem.GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Empty(World.Store.Read<EventFact>(_uploads));
    }

    [Fact]
    public async Task Upload_LargerThanKestrelsDefaultLimit_IsReadNot413()
    {
        // 40 MB (Kestrel refuses bodies over 30 MB unless the route lifts the limit): a header
        // without the required columns, so the import itself ends at once.
        var body = new byte[40 << 20];
        Array.Fill(body, (byte)'x');
        Encoding.ASCII.GetBytes("nonsense\n").CopyTo(body, 0);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await _editor.PostAsync(ApiWorld.Path("imports/events", "uploads"), content);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("missing required column", problem.GetProperty("errors")[0].GetProperty("reason").GetString()!, StringComparison.Ordinal);
    }

    private async Task<(int Status, JsonElement Body)> UploadCsvAsync(string route, string csv)
    {
        using var content = new StringContent(csv.Replace("\r\n", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv");
        using var response = await _editor.PostAsync(ApiWorld.Path(route, "uploads"), content);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
