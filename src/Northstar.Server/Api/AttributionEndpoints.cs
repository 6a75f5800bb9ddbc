using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Metrics.Queries;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary>
/// <c>attribution</c> and its reports over the store's journeys (<c>northstar attribution</c>,
/// <c>attribution pipeline|influence|economics</c>; the same JSON as their <c>--format json</c>).
/// </summary>
internal static class AttributionEndpoints
{
    public static void MapAttributionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("attribution", Credits)
            .WithName("GetAttribution")
            .WithSummary("Credit conversions to channels or campaigns under a model, or models side by side. model: markov (default), shapley, first, last, last_non_direct, linear, "
                + "time_decay, position, w_shaped, ...; order: Markov order 1-3; no_nulls: Markov from converting journeys only; conversion: lead, mql, sql, opportunity, customer (default), "
                + "deal_created, won; period: conversions on these days (default all time); by: channel (default) or campaign; compare: models comma-separated, e.g. first,last,linear.")
            .Produces<AttributionAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("attribution/pipeline", Pipeline)
            .WithName("GetAttributionPipeline").WithSummary("Sourced vs influenced pipeline per channel (period: deals created on these days; default all time).")
            .Produces<PipelineAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("attribution/influence", Influence)
            .WithName("GetAttributionInfluence").WithSummary("Channel influence on MQLs next to influence on won revenue, under one model (model, order, no_nulls, period).")
            .Produces<InfluenceAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("attribution/economics", Economics)
            .WithName("GetAttributionEconomics").WithSummary("ROI, ROAS and CAC per channel: the period's spend against the customers and won revenue a model credits (model, order, no_nulls, period).")
            .Produces<EconomicsAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult Credits(
        string? model, int? order, bool? no_nulls, string? conversion, string? period, string? by, string? compare, HttpContext http, WorkspaceEngines engines, ICustomKpiStore settings)
    {
        var ask = Ask.Read(http, engines, settings, period, model, order, no_nulls, compare);
        if (ask.Problem is not null)
        {
            return ask.Problem;
        }

        if (!ConversionGoal.TryParse(conversion ?? "customer", out var goal, out var conversionError))
        {
            return ApiProblems.BadParameter("conversion", conversionError);
        }

        if (by is not (null or "channel" or "campaign"))
        {
            return ApiProblems.BadParameter("by", $"'{by}' cannot be attributed to (accepted: channel, campaign)");
        }

        var dimension = by == "campaign" ? AttributionDimension.Campaign : AttributionDimension.Channel;
        var input = engines.Journeys(ask.Workspace, [ask.Config.Journeys(goal, ask.Period?.Range)])[0];
        return AttributionModelQuery.Answer(ask.Scope(goal.ToString()), input, ask.Models, dimension, compare);
    }

    private static IResult Pipeline(string? period, HttpContext http, WorkspaceEngines engines, IFactStore store, ICustomKpiStore settings)
    {
        var ask = Ask.Read(http, engines, settings, period, null, null, null, null);
        if (ask.Problem is not null)
        {
            return ask.Problem;
        }

        var journeys = engines.Journeys(ask.Workspace, [ask.Config.Journeys(ConversionGoal.DealCreated, ask.Period?.Range)])[0];
        var deals = DealOrigin.CreatedIn(store.Read<Deal>(ask.Workspace), store.ReadLifecycles(ask.Workspace), ask.Workspace.TimeZone, ask.Period?.Range);
        var table = PipelineReport.Compute(journeys.Journeys!, deals, journeys.UntouchedConversions, journeys.UntouchedValue);
        return ApiJson.Ok(new PipelineAnswer(ask.Scope(ConversionGoal.DealCreated.ToString()), table));
    }

    private static IResult Influence(string? model, int? order, bool? no_nulls, string? period, HttpContext http, WorkspaceEngines engines, ICustomKpiStore settings)
    {
        var ask = Ask.Read(http, engines, settings, period, model, order, no_nulls, null);
        if (ask.Problem is not null)
        {
            return ask.Problem;
        }

        var (mqls, won) = ask.TwoGoals(engines, ConversionGoal.Entered(Stage.Mql), ConversionGoal.Won);
        return ApiJson.Ok(new InfluenceAnswer(ask.Scope("mql and won"), InfluenceReport.Compute(mqls, won)));
    }

    private static IResult Economics(string? model, int? order, bool? no_nulls, string? period, HttpContext http, WorkspaceEngines engines, IFactStore store, ICustomKpiStore settings)
    {
        var ask = Ask.Read(http, engines, settings, period, model, order, no_nulls, null);
        if (ask.Problem is not null)
        {
            return ask.Problem;
        }

        var (customers, revenue) = ask.TwoGoals(engines, ConversionGoal.Entered(Stage.Customer), ConversionGoal.Won);
        var table = EconomicsReport.Compute(customers, revenue, store.Read<Spend>(ask.Workspace), ask.Period?.Range);
        return ApiJson.Ok(new EconomicsAnswer(ask.Scope("customer and won"), table));
    }

    /// <summary>What an attribution request asks: the workspace's settings, the period, the models; or the problem with the first bad parameter.</summary>
    private sealed record Ask(Workspace Workspace, AttributionConfig Config, Period? Period, IReadOnlyList<AttributionModel> Models, IResult? Problem)
    {
        public static Ask Read(HttpContext http, WorkspaceEngines engines, ICustomKpiStore settings, string? period, string? model, int? order, bool? noNulls, string? compare)
        {
            var workspace = http.GetWorkspace().Workspace;
            var config = AttributionSettings.Load(settings, workspace);
            Ask Fail(IResult problem) => new(workspace, config, null, [], problem);
            var (range, problem) = period is null ? (null, null) : KpiQueryInput.ReadPeriod(period, engines.For(workspace));
            if (problem is not null)
            {
                return Fail(ApiProblems.From(problem));
            }

            var (models, modelProblem) = AttributionModelQuery.Read(config, model, order, noNulls, compare);
            return modelProblem is null ? new(workspace, config, range, models, null) : Fail(modelProblem);
        }

        public AttributionScope Scope(string conversion) =>
            new("store", conversion, Period is null ? null : $"{Period.Label} ({Period.Range})", Config.LookbackDays);

        /// <summary>The (first) model's credits for two goals, from journeys built together on a miss (one read of the touches) and kept (<see cref="WorkspaceEngines.Journeys"/>).</summary>
        public (CreditTable First, CreditTable Second) TwoGoals(WorkspaceEngines engines, ConversionGoal first, ConversionGoal second)
        {
            var inputs = engines.Journeys(Workspace, [Config.Journeys(first, Period?.Range), Config.Journeys(second, Period?.Range)]);
            return (CreditReport.Compute(inputs[0], Models[0]), CreditReport.Compute(inputs[1], Models[0]));
        }
    }
}
