using System.CommandLine;
using Northstar.Core.Attribution.Reports;

namespace Northstar.Cli.Commands;

/// <summary>The options of <c>northstar attribution</c> and its report subcommands (a fresh set per command).</summary>
internal sealed class AttributionOptions
{
    /// <summary>The formats every attribution output has.</summary>
    public static readonly string[] Formats = ["table", "json", "csv", "md", "html"];

    public AttributionOptions()
    {
        Format.AcceptOnlyFromAmong(Formats);
        By.AcceptOnlyFromAmong("channel", "campaign");
    }

    public Option<string> Model { get; } = new("--model")
    {
        Description = $"The model: {string.Join(", ", AttributionModel.Names)} (markov_2, markov_3 set the order).",
        DefaultValueFactory = _ => "markov",
    };

    public Option<int> Order { get; } = new("--order")
    {
        Description = "Markov order, 1-3 (states are windows of this many consecutive channels).",
        DefaultValueFactory = _ => 1,
    };

    public Option<bool> NoNulls { get; } = new("--no-nulls")
    {
        Description = "Markov: build the chain from converting journeys only (by default the non-converting ones count too).",
    };

    public Option<string> Conversion { get; } = new("--conversion")
    {
        Description = "What journeys run up to: a stage (lead, mql, sql, opportunity, customer), deal_created or won (a won deal's amount is the value).",
        DefaultValueFactory = _ => "customer",
    };

    public Option<string?> Period { get; } = new("--period")
    {
        Description = "Conversions on these days: 2025, 2025-Q3, 2025-07, 2025-01-01..2025-06-30, last-quarter... Default: all time.",
    };

    public Option<string?> Compare { get; } = new("--compare")
    {
        Description = "Models side by side, comma-separated: first,last,linear,position,markov,shapley.",
    };

    public Option<string> By { get; } = new("--by")
    {
        Description = "Credit by channel or campaign.",
        DefaultValueFactory = _ => "channel",
    };

    public Option<string?> Paths { get; } = new("--paths")
    {
        Description = "Run on a path table (path, total_conversions, total_conversion_value, total_null) instead of the store.",
    };

    public Option<string?> WritePaths { get; } = new("--write-paths")
    {
        Description = "Also write the journeys as a path table to this CSV file (repeats kept), for other attribution tools.",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "table (default), json, csv, md or html.",
        DefaultValueFactory = _ => "table",
    };

    /// <summary>The dimension --by names.</summary>
    public AttributionDimension Dimension(ParseResult parse) =>
        parse.GetValue(By) == "campaign" ? AttributionDimension.Campaign : AttributionDimension.Channel;
}
