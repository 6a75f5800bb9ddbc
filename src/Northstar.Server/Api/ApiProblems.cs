using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Core.Metrics.Queries;

namespace Northstar.Server.Api;

/// <summary>
/// The API's RFC 7807 answers: a title, the status, a detail naming the parameter and the
/// reason, and the parameter (and a period's fault position) as extension members.
/// </summary>
public static class ApiProblems
{
    /// <summary>400: the parameter's value cannot be used.</summary>
    public static ProblemHttpResult BadParameter(string parameter, string reason, IDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?>(more ?? new Dictionary<string, object?>()) { ["parameter"] = parameter };
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest, title: "Bad parameter", detail: $"{parameter}: {reason}.", extensions: extensions);
    }

    /// <summary>400 from a query reader's problem (a period's text and fault position included).</summary>
    public static ProblemHttpResult From(QueryProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var more = problem.Position is { } at
            ? new Dictionary<string, object?> { ["text"] = problem.Text, ["position"] = at }
            : null;
        var reason = problem.Parameter == "period" && !problem.Reason.Contains("xpected", StringComparison.Ordinal)
            ? $"{problem.Reason} (accepted: 2025, FY2026, 2025-H2, 2025-Q3, FY2026-Q1, 2025-07, 2025-W27, 2025-07-01..2025-09-30, this-month, last-quarter, last-30-days, ...)"
            : problem.Reason;
        return BadParameter(problem.Parameter, problem.Text is { } text ? $"'{text}': {reason}" : reason, more);
    }

    /// <summary>404: the named thing does not exist in the workspace.</summary>
    public static ProblemHttpResult NotFound(string what, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: detail);

    /// <summary>409: the request conflicts with what is stored (e.g. deleting a goal with sub-goals).</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>400 with a list of reasons (a goal or plan that cannot be saved), in <c>errors</c>.</summary>
    public static ProblemHttpResult Invalid(string title, IReadOnlyList<string> errors, IReadOnlyList<string>? warnings = null) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest, title: title, detail: string.Join("; ", errors) + ".",
            extensions: new Dictionary<string, object?> { ["errors"] = errors, ["warnings"] = warnings ?? [] });
}
