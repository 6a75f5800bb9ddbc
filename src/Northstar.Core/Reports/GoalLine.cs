using Northstar.Core.Forecasting;
using Northstar.Core.Goals;

namespace Northstar.Core.Reports;

/// <summary>One goal in the report: its pacing, its forecast (or why there is none) and its depth under its parent.</summary>
public sealed record GoalLine(GoalPacing Pacing, Forecast? Forecast, string? ForecastProblem, int Depth);
