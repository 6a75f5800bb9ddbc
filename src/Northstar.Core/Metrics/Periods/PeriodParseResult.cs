using System.Diagnostics.CodeAnalysis;

namespace Northstar.Core.Metrics.Periods;

/// <summary>The outcome of <see cref="PeriodParser.Parse"/>: a period, or an error.</summary>
public sealed record PeriodParseResult
{
    private PeriodParseResult(Period? period, PeriodParseError? error)
    {
        Period = period;
        Error = error;
    }

    /// <summary>The period read, when the text was valid.</summary>
    public Period? Period { get; }

    /// <summary>Why the text was refused, when it was not valid.</summary>
    public PeriodParseError? Error { get; }

    /// <summary>True when <see cref="Period"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Period))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Period is not null;

    internal static PeriodParseResult Success(Period period) => new(period, null);

    internal static PeriodParseResult Failure(string reason, int position) => new(null, new PeriodParseError(reason, position));
}
