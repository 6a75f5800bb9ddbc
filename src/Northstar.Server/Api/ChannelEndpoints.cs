using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Core.Channels;
using Northstar.Core.Storage;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary>
/// <c>channels/*</c>: the workspace's channel rules (<c>channels show|set</c>) and a way to try a
/// row against them (<c>channels classify</c>). Rules apply to rows imported or tracked from then
/// on; facts already stored keep the channel they were given.
/// </summary>
internal static class ChannelEndpoints
{
    /// <summary>The largest rules document accepted (a rule list is a few hundred bytes per rule).</summary>
    public const int MaxRulesBytes = 1 << 20;

    public static void MapChannelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("channels/rules", Get)
            .WithName("GetChannelRules")
            .WithSummary("The workspace's channel rules, tried in order before the GA4-style default grouping, as channels show --format json (unset patterns left out).")
            .Produces<IReadOnlyList<ChannelRule>>();
        api.MapPut("channels/rules", Put)
            .WithName("PutChannelRules")
            .WithSummary("Replace the channel rules (admin) with a JSON array [{\"channel\": \"...\", \"source\": \"regex\", \"medium\": \"regex\", \"campaign\": \"regex\"}], as channels set --file reads. "
                + "They apply to rows imported or tracked from now on; stored facts keep their channel. Bad rules: 400 listing every error (rule, field, reason; line and position for bad JSON), nothing saved.")
            .Accepts<IReadOnlyList<ChannelRule>>("application/json")
            .Produces<IReadOnlyList<ChannelRule>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequiresRole(WorkspaceRole.Admin);
        api.MapGet("channels/classify", Classify)
            .WithName("ClassifyChannel")
            .WithSummary("The channel a row with this utm source, medium, campaign and referrer would get (as channels classify), and whether a workspace rule (which one) or the default grouping gave it.")
            .Produces<ChannelClassification>();
    }

    private static IResult Get(HttpContext http, IFactStore store) => RulesJson(store.GetChannelRules(http.GetWorkspace().Workspace));

    private static async Task<IResult> Put(HttpContext http, IFactStore store)
    {
        var text = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (text is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Rules too large",
                detail: $"A rules document is at most {MaxRulesBytes:N0} bytes.");
        }

        var parsed = ChannelRules.Parse(text);
        if (!parsed.IsValid)
        {
            return Refused(parsed.Errors);
        }

        var workspace = http.GetWorkspace().Workspace;
        store.SetChannelRules(workspace, parsed.Rules);
        return RulesJson(store.GetChannelRules(workspace));
    }

    private static IResult Classify(string? source, string? medium, string? campaign, string? referrer, HttpContext http, IFactStore store)
    {
        var rules = store.GetChannelRules(http.GetWorkspace().Workspace);
        var (channel, index) = new ChannelGrouping(rules, cacheCapacity: 0).Explain(source, medium, campaign, referrer);
        return ApiJson.Ok(index is { } i
            ? new ChannelClassification(channel, ChannelClassification.ByRule, i, rules[i])
            : new ChannelClassification(channel, ChannelClassification.ByDefault, null, null));
    }

    private static IResult RulesJson(IReadOnlyList<ChannelRule> rules) =>
        Results.Text(ChannelRules.ToJson(rules), "application/json", Encoding.UTF8);

    private static IResult Refused(IReadOnlyList<ChannelRuleError> errors)
    {
        var lines = errors.Select(e => e.ToString()).ToList();
        var positions = errors.Select(e => new { index = e.Index, field = e.Field, reason = e.Reason, line = e.Line, position = e.Position }).ToList();
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest, title: "Invalid channel rules",
            detail: string.Join("; ", lines) + ".",
            extensions: new Dictionary<string, object?> { ["errors"] = lines, ["rule_errors"] = positions });
    }

    /// <summary>The body as text, or null when it is larger than <see cref="MaxRulesBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > MaxRulesBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxRulesBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
