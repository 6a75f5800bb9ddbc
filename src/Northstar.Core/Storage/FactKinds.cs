using Northstar.Core.Facts;

namespace Northstar.Core.Storage;

/// <summary>Maps fact types to their <see cref="FactKind"/> and back.</summary>
public static class FactKinds
{
    /// <summary>The kind of a fact type.</summary>
    public static FactKind Of<TFact>()
        where TFact : class, IFact => Of(typeof(TFact));

    /// <summary>The kind of a fact type.</summary>
    public static FactKind Of(Type factType) => factType switch
    {
        _ when factType == typeof(EventFact) => FactKind.Events,
        _ when factType == typeof(Contact) => FactKind.Contacts,
        _ when factType == typeof(StageChange) => FactKind.Stages,
        _ when factType == typeof(Account) => FactKind.Accounts,
        _ when factType == typeof(Deal) => FactKind.Deals,
        _ when factType == typeof(Spend) => FactKind.Spend,
        _ when factType == typeof(Subscription) => FactKind.Subscriptions,
        _ when factType == typeof(SurveyAnswer) => FactKind.Surveys,
        _ when factType == typeof(SeriesPoint) => FactKind.Series,
        _ when factType == typeof(Activity) => FactKind.Activities,
        _ => throw new ArgumentException($"{factType.Name} is not a fact type.", nameof(factType)),
    };

    /// <summary>The fact type of a kind.</summary>
    public static Type TypeOf(FactKind kind) => kind switch
    {
        FactKind.Events => typeof(EventFact),
        FactKind.Contacts => typeof(Contact),
        FactKind.Stages => typeof(StageChange),
        FactKind.Accounts => typeof(Account),
        FactKind.Deals => typeof(Deal),
        FactKind.Spend => typeof(Spend),
        FactKind.Subscriptions => typeof(Subscription),
        FactKind.Surveys => typeof(SurveyAnswer),
        FactKind.Series => typeof(SeriesPoint),
        FactKind.Activities => typeof(Activity),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
