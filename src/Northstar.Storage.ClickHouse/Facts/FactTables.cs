using Northstar.Core.Facts;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>The ten fact tables, in <see cref="FactKind"/> order.</summary>
internal static class FactTables
{
    public static EventTable Events { get; } = new();

    public static IReadOnlyList<FactTable> All { get; } =
    [
        Events, new ContactTable(), new StageTable(), new AccountTable(), new DealTable(),
        new SpendTable(), new SubscriptionTable(), new SurveyTable(), new SeriesTable(), new ActivityTable(),
    ];

    public static FactTable<TFact> For<TFact>()
        where TFact : class, IFact => (FactTable<TFact>)All[(int)Core.Storage.FactKinds.Of<TFact>()];
}
