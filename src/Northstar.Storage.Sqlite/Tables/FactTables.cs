using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Storage.Sqlite.Tables;

/// <summary>The table of each fact kind.</summary>
internal static class FactTables
{
    public static EventTable Events { get; } = new();

    /// <summary>Every table, in <see cref="FactKind"/> order.</summary>
    public static IReadOnlyList<FactTable> All { get; } =
    [
        Events, new ContactTable(), new StageTable(), new AccountTable(), new DealTable(),
        new SpendTable(), new SubscriptionTable(), new SurveyTable(), new SeriesTable(), new ActivityTable(),
    ];

    public static FactTable<TFact> Of<TFact>()
        where TFact : class, IFact => (FactTable<TFact>)All[(int)FactKinds.Of<TFact>()];
}
