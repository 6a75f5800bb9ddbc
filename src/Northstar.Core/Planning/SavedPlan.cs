using System.Globalization;
using System.Text.Json.Serialization;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Planning;

/// <summary>
/// A plan kept for a workspace: the resolved numbers of a <see cref="FunnelPlan"/> (period, goal,
/// deal size, the five rates with their sources, the split's month weights), not the request.
/// The request's history inputs ("12m" before today, rates read from facts that a later import
/// can change) would give another plan tomorrow; the team agreed on these numbers, so the
/// report holds the quarter against them. <see cref="Rebuild"/> gives the same plan back.
/// </summary>
public sealed record SavedPlan
{
    /// <summary>The plan's period label ("FY2026").</summary>
    public required string PeriodLabel { get; init; }

    /// <summary>What sort of span the period is.</summary>
    public required PeriodKind PeriodKind { get; init; }

    /// <summary>The period's first day.</summary>
    public required DateOnly PeriodStart { get; init; }

    /// <summary>The day after the period's last day.</summary>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>The new revenue planned for over the period.</summary>
    public required decimal RevenueGoal { get; init; }

    /// <summary>The average new-customer revenue used.</summary>
    public required decimal DealSize { get; init; }

    /// <summary>Typed in or from history.</summary>
    public required PlanSourceKind DealSizeKind { get; init; }

    /// <summary>The deal size's source as it read then.</summary>
    public required string DealSizeSource { get; init; }

    /// <summary>The five rates, sessions to leads first.</summary>
    public required IReadOnlyList<SavedRate> Rates { get; init; }

    /// <summary>Even or seasonal.</summary>
    public required PlanSplitMode SplitMode { get; init; }

    /// <summary>The split's basis as it read then.</summary>
    public required string SplitBasis { get; init; }

    /// <summary>A seasonal split's twelve month weights (January first); null when even.</summary>
    public IReadOnlyList<double>? MonthWeights { get; init; }

    /// <summary>Planned sessions a month of the forward run, or null.</summary>
    public double? ForwardSessionsPerMonth { get; init; }

    /// <summary>When the plan was saved (UTC).</summary>
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>The period's days.</summary>
    [JsonIgnore]
    public DateRange Range => new(PeriodStart, PeriodEnd);

    /// <summary>How the report names it: "plan FY2026 saved 2026-11-22".</summary>
    [JsonIgnore]
    public string Label => string.Create(CultureInfo.InvariantCulture, $"plan {PeriodLabel} saved {SavedAt.UtcDateTime:yyyy-MM-dd}");

    /// <summary>The numbers of <paramref name="plan"/> to keep, saved at <paramref name="savedAt"/>.</summary>
    public static SavedPlan From(FunnelPlan plan, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SavedPlan
        {
            PeriodLabel = plan.Period.Label,
            PeriodKind = plan.Period.Kind,
            PeriodStart = plan.Period.Range.Start,
            PeriodEnd = plan.Period.Range.End,
            RevenueGoal = plan.RevenueGoal,
            DealSize = plan.DealSize.Amount,
            DealSizeKind = plan.DealSize.Source.Kind,
            DealSizeSource = plan.DealSize.Source.Description,
            Rates = [.. plan.Rates.Steps.Select(r => new SavedRate(r.Rate, r.Source.Kind, r.Source.Description))],
            SplitMode = plan.Split.Mode,
            SplitBasis = plan.Split.Basis,
            MonthWeights = plan.Split.MonthWeights,
            ForwardSessionsPerMonth = plan.Forward?.SessionsPerMonth,
            SavedAt = savedAt.ToUniversalTime(),
        };
    }

    /// <summary>
    /// The plan again, split into the quarters of <paramref name="calendar"/>; problems when the
    /// kept numbers are not a plan (edited by hand: a rate above 100%, twelve weights missing).
    /// </summary>
    public PlanOutcome Rebuild(FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var problems = Check();
        if (problems.Count > 0)
        {
            return new PlanOutcome(null, problems);
        }

        var period = new Period(Range, PeriodKind, PeriodLabel);
        var rates = FunnelRates.Of([.. FunnelRates.Pairs.Select(from => new StepRate(from, Rates[(int)from].Rate, Source(Rates[(int)from].Kind, Rates[(int)from].Source)))]);
        var split = new PlanSplit(SplitMode, SplitBasis, MonthWeights);
        var outcome = FunnelPlan.Create(period, calendar, RevenueGoal, new DealSize(DealSize, Source(DealSizeKind, DealSizeSource)), rates, split, ForwardSessionsPerMonth);
        return outcome.IsSuccess
            ? outcome with { Plan = outcome.Plan with { Notes = [$"Saved {SavedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC with the rates and deal size as they were then."] } }
            : outcome;
    }

    private List<PlanProblem> Check()
    {
        var problems = new List<PlanProblem>();
        if (PeriodEnd <= PeriodStart)
        {
            problems.Add(new PlanProblem($"The saved period {PeriodLabel} has no days ({PeriodStart:yyyy-MM-dd}..{PeriodEnd:yyyy-MM-dd})."));
        }

        if (Rates is null || Rates.Count != FunnelRates.Pairs.Count)
        {
            problems.Add(new PlanProblem($"The saved plan has {Rates?.Count ?? 0} rates; a plan has {FunnelRates.Pairs.Count}."));
        }

        if (MonthWeights is { } weights && (weights.Count != 12 || weights.Any(w => !double.IsFinite(w) || w < 0)))
        {
            problems.Add(new PlanProblem($"A seasonal split needs twelve month weights of 0 or more; the saved plan has {weights.Count}."));
        }

        return problems;
    }

    private static PlanSource Source(PlanSourceKind kind, string description) =>
        kind == PlanSourceKind.Typed ? PlanSource.Typed : new PlanSource(kind, description);
}
