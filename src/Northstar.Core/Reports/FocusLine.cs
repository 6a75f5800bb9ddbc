using Northstar.Core.Diagnostics;

namespace Northstar.Core.Reports;

/// <summary>A focus area for next quarter and the stage whose shortfall calls for it.</summary>
public sealed record FocusLine(FocusArea Area, StageDiagnosis Stage);
