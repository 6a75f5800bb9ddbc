using System.Globalization;
using Microsoft.AspNetCore.Http;
using Northstar.Core.Attribution.Reports;

namespace Northstar.Server.Api;

/// <summary>The attribution routes' model parameters (<c>model</c>, <c>order</c>, <c>no_nulls</c>, <c>compare</c>) read into models, and the models run into the answer.</summary>
internal static class AttributionModelQuery
{
    /// <summary>
    /// The models of <c>compare</c>, or the one of <c>model</c> (default markov) with <c>order</c> and
    /// <c>no_nulls</c>, over the settings of <paramref name="config"/>; or the problem with the first bad parameter.
    /// </summary>
    public static (IReadOnlyList<AttributionModel> Models, IResult? Problem) Read(AttributionConfig config, string? model, int? order, bool? noNulls, string? compare)
    {
        if (order is { } o && (o < 1 || o > AttributionModel.MaxOrder))
        {
            return ([], ApiProblems.BadParameter("order", string.Create(CultureInfo.InvariantCulture, $"{o}: the Markov order is 1 to {AttributionModel.MaxOrder}")));
        }

        if (model is not null && compare is not null)
        {
            return ([], ApiProblems.BadParameter("compare", "give one model or a list to compare, not both"));
        }

        var template = config.Model(AttributionModelKind.Markov) with { Order = order ?? 1, IncludeNulls = noNulls != true };
        var (parameter, names) = compare is null
            ? ("model", new[] { model ?? "markov" })
            : ("compare", compare.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (names.Length == 0)
        {
            return ([], ApiProblems.BadParameter("compare", "name the models, e.g. first,last,linear,position,markov,shapley"));
        }

        var models = new List<AttributionModel>();
        foreach (var name in names)
        {
            if (!AttributionModel.TryParse(name, template, out var parsed, out var error))
            {
                return ([], ApiProblems.BadParameter(parameter, error));
            }

            models.Add(parsed);
        }

        return (models, null);
    }

    /// <summary>
    /// The answer of the models read by <see cref="Read"/> on <paramref name="input"/>: one model's
    /// credits, or the models side by side when <paramref name="compare"/> named them; a model that
    /// cannot run on the input is a problem on that parameter.
    /// </summary>
    public static IResult Answer(AttributionScope scope, AttributionInput input, IReadOnlyList<AttributionModel> models, AttributionDimension by, string? compare)
    {
        foreach (var m in models)
        {
            if (CreditReport.Problem(input, m, by) is { } problem)
            {
                return ApiProblems.BadParameter(compare is null ? "model" : "compare", problem);
            }
        }

        return models.Count == 1
            ? ApiJson.Ok(new AttributionAnswer(scope, CreditReport.Compute(input, models[0], by), null))
            : ApiJson.Ok(new AttributionAnswer(scope, null, ModelComparisonReport.Compare(input, models, by)));
    }
}
