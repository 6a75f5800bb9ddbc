using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Import.Mapping;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Presets;

/// <summary>
/// A HubSpot contacts export: one contact per row ("Record ID" or "Contact ID"), and a stage
/// change for each filled "Became a ... Date" column that has a Northstar stage (lead, MQL, SQL,
/// opportunity, customer). Subscriber, evangelist and other dates have none and stay properties,
/// as do "Lifecycle Stage", "Original Source" and every other column. HubSpot writes dates as
/// <c>2024-03-05 14:22</c> in the portal's zone: the workspace's zone applies. The channel comes
/// from "Original Source" (<see cref="HubSpotSources"/>); drill-down 1 and 2 (site or domain,
/// then campaign or URL) become source and campaign.
/// </summary>
internal sealed class HubSpotContactRowMapper : RowMapper
{
    // Export labels first, then HubSpot's internal property names (what an API export writes).
    private static readonly (string[] Columns, Stage Stage)[] StageColumns =
    [
        (["became_a_lead_date", "hs_lifecyclestage_lead_date"], Stage.Lead),
        (["became_a_marketing_qualified_lead_date", "hs_lifecyclestage_marketingqualifiedlead_date"], Stage.Mql),
        (["became_a_sales_qualified_lead_date", "hs_lifecyclestage_salesqualifiedlead_date"], Stage.Sql),
        (["became_an_opportunity_date", "hs_lifecyclestage_opportunity_date"], Stage.Opportunity),
        (["became_a_customer_date", "hs_lifecyclestage_customer_date"], Stage.Customer),
    ];

    private readonly FactBuffer<Contact> _contacts;
    private readonly FactBuffer<StageChange> _stages;
    private readonly int _id, _createdAt, _originalSource, _drillDown1, _drillDown2, _company, _owner;
    private readonly (int Column, Stage Stage)[] _stageColumns;
    private readonly Dictionary<string, (int Line, Contact Contact, List<StageChange> Stages)> _seen = new(StringComparer.Ordinal);

    public HubSpotContactRowMapper(MapperSetup setup)
        : base(setup)
    {
        _id = Require("record_id", "contact_id", "hubspot_id", "hs_object_id");
        _createdAt = Optional("create_date", "created_at", "createdate");
        _originalSource = setup.Columns.Find("original_source", "original_source_type", "hs_analytics_source");
        _drillDown1 = Optional("original_source_drill_down_1", "original_source_data_1", "hs_analytics_source_data_1");
        _drillDown2 = Optional("original_source_drill_down_2", "original_source_data_2", "hs_analytics_source_data_2");
        _company = Optional("associated_company_id", "associated_company_ids", "associated_company_id_(primary)", "associatedcompanyid", "company_id");
        _owner = Optional("contact_owner", "owner", "hubspot_owner_id");
        _stageColumns = [.. StageColumns.Select(s => (Optional(s.Columns), s.Stage)).Where(s => s.Item1 >= 0)];
        _contacts = Buffer<Contact>();
        _stages = Buffer<StageChange>();
    }

    public override void Map(RowContext row)
    {
        var id = row.RequiredText(_id);
        var createdAt = row.Timestamp(_createdAt);
        var entered = new DateTimeOffset?[_stageColumns.Length];
        for (var i = 0; i < _stageColumns.Length; i++)
        {
            entered[i] = row.Timestamp(_stageColumns[i].Column);
        }

        if (row.HasErrors)
        {
            return;
        }

        var original = row.Pooled(_originalSource);
        var contact = new Contact
            {
                ContactId = id!,
                CreatedAt = createdAt,
                AccountId = row.Text(_company),
                Source = row.Pooled(_drillDown1),
                Campaign = row.Pooled(_drillDown2),
                Channel = original is null ? null : HubSpotSources.ChannelOf(original) ?? ChannelIds.Unassigned,
                Owner = row.Pooled(_owner),
                Properties = row.Properties(),
            };
        var stages = new List<StageChange>(_stageColumns.Length);
        for (var i = 0; i < _stageColumns.Length; i++)
        {
            if (entered[i] is { } at)
            {
                stages.Add(new StageChange { ContactId = id!, Stage = _stageColumns[i].Stage, EnteredAt = at });
            }
        }

        if (IsConflictingRepeat(row, contact, stages))
        {
            return;
        }

        _contacts.Add(contact, row.Line);
        foreach (var stage in stages)
        {
            _stages.Add(stage, row.Line);
        }
    }

    // One row writes a contact and its stage changes: a repeated Record ID with other values must
    // reject the whole row here, before any of its facts reach the store (the store's in-file
    // conflict check works per fact, and would let the row's other facts through).
    private bool IsConflictingRepeat(RowContext row, Contact contact, List<StageChange> stages)
    {
        if (!_seen.TryGetValue(contact.ContactId, out var first))
        {
            _seen[contact.ContactId] = (row.Line, contact, stages);
            return false;
        }

        if (first.Contact == contact && first.Stages.SequenceEqual(stages))
        {
            return false;
        }

        row.Error(_id, $"Record ID '{contact.ContactId}' already appeared on line {first.Line} with different values");
        return true;
    }
}
