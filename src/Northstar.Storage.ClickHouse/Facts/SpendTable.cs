using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>Spend per day, channel, campaign and kind, by month of its date.</summary>
internal sealed class SpendTable : FactTable<Spend>
{
    public override FactKind Kind => FactKind.Spend;

    public override string Name => "spend";

    public override string ValueColumnsDdl =>
        "date Date, channel String, campaign String, kind String, amount String, impressions Nullable(Int64), clicks Nullable(Int64), prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(Spend fact) => new DateTimeOffset(fact.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public override DateOnly Day(Spend fact, Core.Metrics.Views.LocalDays days) => fact.Date;

    public override void WriteValues(RowBinaryWriter w, Spend s)
    {
        w.Date(s.Date);
        w.String(s.Channel);
        w.String(s.Campaign);
        Values.Enum(w, s.Kind);
        w.String(Values.DecimalText(s.Amount));
        Values.Long(w, s.Impressions);
        Values.Long(w, s.Clicks);
        Values.Properties(w, s.Properties);
    }

    public override Spend ReadValues(RowBinaryReader r, string key) => new()
    {
        Date = r.Date(),
        Channel = r.String(),
        Campaign = r.String(),
        Kind = Values.Enum<SpendKind>(r),
        Amount = Values.ParseDecimal(r.String()),
        Impressions = Values.Long(r),
        Clicks = Values.Long(r),
        Properties = Values.Properties(r),
    };
}
