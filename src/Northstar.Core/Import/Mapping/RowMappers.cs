using Northstar.Core.Import.Presets;

namespace Northstar.Core.Import.Mapping;

/// <summary>The mapper of each format.</summary>
internal static class RowMappers
{
    public static RowMapper Create(ImportFormat format, MapperSetup setup) => format switch
    {
        ImportFormat.Events => new EventRowMapper(setup),
        ImportFormat.Contacts => new ContactRowMapper(setup),
        ImportFormat.Stages => new StageRowMapper(setup),
        ImportFormat.Accounts => new AccountRowMapper(setup),
        ImportFormat.Deals => new DealRowMapper(setup),
        ImportFormat.Spend => new SpendRowMapper(setup),
        ImportFormat.Subscriptions => new SubscriptionRowMapper(setup),
        ImportFormat.Surveys => new SurveyRowMapper(setup),
        ImportFormat.Series => new SeriesRowMapper(setup),
        ImportFormat.Activities => new ActivityRowMapper(setup),
        ImportFormat.HubspotContacts => new HubSpotContactRowMapper(setup),
        ImportFormat.AdCosts => new AdCostRowMapper(setup),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Lines before the header: report titles some exports put first (only ad cost reports have them).</summary>
    public static int LinesBeforeHeader(ImportFormat format, string path) =>
        format == ImportFormat.AdCosts ? AdCostRowMapper.LinesBeforeHeader(path) : 0;
}
