using Northstar.Core.Metrics;

namespace Northstar.Core.Diagnostics;

/// <summary>The funnel of a period against its plan, and where to focus.</summary>
/// <param name="Period">The days diagnosed.</param>
/// <param name="Label">The period as named ("2025-Q3").</param>
/// <param name="Plan">The plan compared with.</param>
/// <param name="Stages">Sessions, then each conversion, top of the funnel first.</param>
/// <param name="Bottleneck">The stage losing the most customers downstream; null when no stage falls short of plan.</param>
/// <param name="Focus">The focus area of the bottleneck (null without one).</param>
/// <param name="Notes">Things the reader should know (the period is not over, a plan from history).</param>
public sealed record FunnelDiagnosis(
    DateRange Period,
    string Label,
    DiagnosisPlan Plan,
    IReadOnlyList<StageDiagnosis> Stages,
    StageDiagnosis? Bottleneck,
    FocusArea? Focus,
    IReadOnlyList<string> Notes);
