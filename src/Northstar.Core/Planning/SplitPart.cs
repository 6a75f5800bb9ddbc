using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>One part of a <see cref="TargetSplit"/>: its days and its share of the whole target (0..1).</summary>
public sealed record SplitPart(DateRange Range, double Share);
