using System.Diagnostics.CodeAnalysis;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// The outcome of <see cref="FormulaParser.Parse"/>: either a <see cref="Formula"/> or the errors
/// found (sorted by position), never both.
/// </summary>
public sealed class FormulaParseResult
{
    private FormulaParseResult(Formula? formula, IReadOnlyList<FormulaError> errors)
    {
        Formula = formula;
        Errors = errors;
    }

    /// <summary>The parsed formula; null when there are errors.</summary>
    public Formula? Formula { get; }

    /// <summary>Everything wrong with the text; empty on success.</summary>
    public IReadOnlyList<FormulaError> Errors { get; }

    /// <summary>True when the text is a valid formula.</summary>
    [MemberNotNullWhen(true, nameof(Formula))]
    public bool Succeeded => Formula is not null;

    internal static FormulaParseResult Success(Formula formula) => new(formula, []);

    internal static FormulaParseResult Failure(IEnumerable<FormulaError> errors) =>
        new(null, [.. errors.OrderBy(e => e.Position)]);
}
