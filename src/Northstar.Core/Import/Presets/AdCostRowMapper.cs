using System.Text;
using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Import.Mapping;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Presets;

/// <summary>
/// An ad platform's campaign cost report as media spend, one row per day and campaign.
/// Google Ads ("Day", "Campaign", "Cost", "Impr.", "Clicks", "Currency code") defaults to
/// <c>paid_search</c>; LinkedIn Campaign Manager ("Start Date (in UTC)", "Campaign Name",
/// "Total Spent", "Impressions", "Clicks") to <c>paid_social</c>; <see cref="ImportOptions.Channel"/>
/// overrides both. Title lines before the header and "Total" lines are skipped, "--" reads as
/// empty, and en-US digit grouping (<c>1,234.56</c>) is accepted: these platforms write it.
/// Dates are <c>yyyy-MM-dd</c> or, as LinkedIn writes them, <c>M/d/yyyy</c>.
/// </summary>
internal sealed class AdCostRowMapper : RowMapper
{
    private static readonly string[] DateColumns = ["day", "date", "start_date_(in_utc)", "start_date"];
    private static readonly string[] CostColumns = ["cost", "total_spent", "spend", "amount", "amount_spent"];

    private readonly FactBuffer<Spend> _out;
    private readonly int _date, _campaign, _cost, _impressions, _clicks;
    private readonly string _channel;

    public AdCostRowMapper(MapperSetup setup)
        : base(setup)
    {
        var linkedIn = setup.Columns.Find("total_spent", "start_date_(in_utc)") >= 0;
        _channel = setup.Options.Channel ?? (linkedIn ? ChannelIds.PaidSocial : ChannelIds.PaidSearch);
        _date = Require(DateColumns);
        _campaign = Require("campaign", "campaign_name");
        _cost = Require(CostColumns);
        _impressions = Optional("impr.", "impressions");
        _clicks = Optional("clicks");
        _out = Buffer<Spend>();
    }

    /// <summary>How many title lines come before the header: the first of the first 30 lines naming a date and a cost column.</summary>
    public static int LinesBeforeHeader(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[64 * 1024];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var lines = Encoding.UTF8.GetString(head, 0, length).Split('\n');
        for (var i = 0; i < Math.Min(30, lines.Length); i++)
        {
            var cells = lines[i].Split(lines[i].Count(c => c == ';') > lines[i].Count(c => c == ',') ? ';' : ',')
                .Select(c => CanonicalLayout.NormalizeHeader(c.Trim().Trim('"').TrimStart('\uFEFF')))
                .ToHashSet();
            if (DateColumns.Any(cells.Contains) && CostColumns.Any(cells.Contains))
            {
                return i;
            }
        }

        return 0;
    }

    public override void Map(RowContext row)
    {
        if (IsTotalRow(row))
        {
            row.Skipped = true;
            return;
        }

        var date = ParseDate(row);
        var cost = IsDashes(row, _cost) ? 0m : row.Decimal(_cost, nonNegative: true, required: true, allowGrouping: true);
        var impressions = IsDashes(row, _impressions) ? null : row.Count(_impressions, allowGrouping: true);
        var clicks = IsDashes(row, _clicks) ? null : row.Count(_clicks, allowGrouping: true);
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(
            new Spend
            {
                Date = date!.Value,
                Channel = _channel,
                Campaign = row.Pooled(_campaign) ?? "",
                Kind = SpendKind.Media,
                Amount = cost!.Value,
                Impressions = impressions,
                Clicks = clicks,
                Properties = row.Properties(),
            },
            row.Line);
    }

    // Report footers: "Total: account" / "Total" in the date column (Google Ads) or as the whole
    // campaign cell with no date (LinkedIn). A campaign that merely starts with "Total"
    // ("TotalEnergies ABM") is data, and a row with a cost but no date is a bad row, not a footer.
    private bool IsTotalRow(RowContext row)
    {
        var date = row.Cell(_date);
        if (date.Length >= 5 && Ascii.EqualsIgnoreCase(date[..5], "total"u8))
        {
            return true;
        }

        var campaign = row.Cell(_campaign);
        return row.IsEmpty(_date)
            && (campaign.IsEmpty || Ascii.EqualsIgnoreCase(campaign, "total"u8) || (campaign.Length > 6 && Ascii.EqualsIgnoreCase(campaign[..6], "total:"u8)))
            && (campaign.IsEmpty ? row.IsEmpty(_cost) : true);
    }

    private static bool IsDashes(RowContext row, int column) => row.Cell(column).SequenceEqual("--"u8);

    private DateOnly? ParseDate(RowContext row)
    {
        var cell = row.Cell(_date);
        var slash = cell.IndexOf((byte)'/');
        if (slash < 0)
        {
            return row.Date(_date, required: true);
        }

        var text = Encoding.UTF8.GetString(cell);
        if (DateOnly.TryParseExact(text, "M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        row.Error(_date, $"{row.Quote(_date)} is not a date (expected yyyy-MM-dd or M/d/yyyy)");
        return null;
    }
}
