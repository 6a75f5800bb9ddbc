namespace Northstar.Core.Metrics;

/// <summary>
/// The rules that colour an account (green, amber, red) for <c>account_health</c>. An account is
/// red when any red rule holds, else amber when any amber rule holds, else green. Defaults follow
/// common customer-success playbooks; every threshold is a setting.
/// </summary>
public sealed record AccountHealthRules
{
    /// <summary>Red: the latest survey score (within <see cref="SurveyLookbackDays"/>) is at most this (a detractor).</summary>
    public int RedScoreAtMost { get; init; } = 6;

    /// <summary>Amber: the latest survey score is at most this (a passive).</summary>
    public int AmberScoreAtMost { get; init; } = 8;

    /// <summary>How far back a survey answer still speaks for the account.</summary>
    public int SurveyLookbackDays { get; init; } = 180;

    /// <summary>Red: at least this many tickets in the last <see cref="TicketWindowDays"/>.</summary>
    public int RedTickets { get; init; } = 3;

    /// <summary>Amber: at least this many tickets in the window.</summary>
    public int AmberTickets { get; init; } = 1;

    /// <summary>The window tickets are counted over.</summary>
    public int TicketWindowDays { get; init; } = 30;

    /// <summary>Amber: no engagement (activity or survey answer) for this many days.</summary>
    public int AmberQuietDays { get; init; } = 60;

    /// <summary>Red: no engagement for <see cref="AmberQuietDays"/> while the renewal is due within this many days.</summary>
    public int RedRenewalWithinDays { get; init; } = 60;

    /// <summary>Amber: the renewal is due within this many days.</summary>
    public int AmberRenewalWithinDays { get; init; } = 90;
}
