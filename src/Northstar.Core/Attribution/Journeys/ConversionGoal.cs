using Northstar.Core.Facts;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// The conversion journeys run up to: a stage entered (<see cref="ConversionKind.Stage"/> with
/// <see cref="Stage"/>), or a deal created or won. Written as the CLI takes it: a stage's
/// snake_case name (<c>lead</c>, <c>mql</c>, <c>sql</c>, <c>opportunity</c>, <c>customer</c>...),
/// <c>deal_created</c> or <c>won</c>.
/// </summary>
public sealed record ConversionGoal(ConversionKind Kind, Stage Stage = Stage.Customer)
{
    /// <summary>A deal won, its amount the value.</summary>
    public static ConversionGoal Won { get; } = new(ConversionKind.DealWon);

    /// <summary>A deal created, its amount the value (pipeline).</summary>
    public static ConversionGoal DealCreated { get; } = new(ConversionKind.DealCreated);

    /// <summary>A stage entered.</summary>
    public static ConversionGoal Entered(Stage stage) => new(ConversionKind.Stage, stage);

    /// <summary>Parses the CLI form; false (with <paramref name="error"/> naming the choices) when unknown.</summary>
    public static bool TryParse(string text, out ConversionGoal goal, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim().ToLowerInvariant();
        goal = Won;
        error = "";
        if (name is "won" or "deal_won")
        {
            return true;
        }

        if (name == "deal_created")
        {
            goal = DealCreated;
            return true;
        }

        if (SnakeCaseNames<Stage>.TryParse(name, out var stage) && stage != Stage.Churned)
        {
            goal = Entered(stage);
            return true;
        }

        var stages = SnakeCaseNames<Stage>.All.Where(s => s != "churned");
        error = $"unknown conversion '{text}': expected one of {string.Join(", ", stages)}, deal_created, won";
        return false;
    }

    /// <summary>The CLI form.</summary>
    public override string ToString() => Kind switch
    {
        ConversionKind.DealWon => "won",
        ConversionKind.DealCreated => "deal_created",
        _ => SnakeCaseNames<Stage>.Name(Stage),
    };
}
