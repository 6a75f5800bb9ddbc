namespace Northstar.Core.Metrics.Periods;

/// <summary>Why a period text was refused, and where.</summary>
/// <param name="Reason">A sentence for the user, naming the accepted forms where that helps.</param>
/// <param name="Position">Zero-based index in the text as given of the first character at fault.</param>
public sealed record PeriodParseError(string Reason, int Position);
