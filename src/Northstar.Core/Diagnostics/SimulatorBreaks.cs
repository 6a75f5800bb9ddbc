using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Core.Planning;
using Northstar.Core.Simulation;

namespace Northstar.Core.Diagnostics;

/// <summary>
/// Reads the knobs that break the demo company's funnel (<c>northstar demo --break</c>, <c>--traffic</c>)
/// into the simulator's <see cref="StageShock"/> and <see cref="TrafficShock"/>.
/// A stage break is <c>STAGE=MULTIPLIER@yyyy-MM-dd[:channel]</c>; STAGE is a planning pair
/// (<c>session_to_lead</c>, <c>lead_to_mql</c>, <c>mql_to_sql</c>, <c>sql_to_opportunity</c>,
/// <c>opportunity_to_customer</c>), any pair of simulator stages (<c>sal_to_sql</c>), a planning step's KPI id
/// (<c>sqls</c>: the conversion into it) or a simulator stage (<c>sal</c>: entering it from the stage before).
/// A pair spanning several simulator stages (MQL -> SAL -> SQL) is broken at its last stage, which
/// multiplies the whole pair's rate by the multiplier. A traffic break is
/// <c>MULTIPLIER@yyyy-MM-dd[..yyyy-MM-dd][:channel]</c> (the end day excluded).
/// </summary>
public static class SimulatorBreaks
{
    /// <summary>The simulator stage whose entry rate, multiplied, multiplies the planning conversion into <paramref name="step"/>.</summary>
    public static Stage StageOf(FunnelStep step) => step switch
    {
        FunnelStep.Leads => Stage.Lead,
        FunnelStep.Mqls => Stage.Mql,
        FunnelStep.Sqls => Stage.Sql,
        FunnelStep.Opportunities => Stage.Opportunity,
        FunnelStep.Customers => Stage.Customer,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Sessions are broken with a traffic shock, not a stage shock."),
    };

    /// <summary>Parses a stage break; false with a message that says what is wrong.</summary>
    public static bool TryParseStage(string text, out StageShock? shock, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        shock = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"'{text}' is not a stage break: write STAGE=MULTIPLIER@yyyy-MM-dd[:channel], e.g. mql_to_sql=0.5@2025-07-01.";
            return false;
        }

        var name = text[..equals].Trim().ToLowerInvariant();
        if (StageNamed(name) is not { } stage)
        {
            error = $"'{name}' is not a stage: use session_to_lead, lead_to_mql, mql_to_sql, sql_to_opportunity, opportunity_to_customer, "
                + $"a simulator stage ({string.Join(", ", SnakeCaseNames<Stage>.All)}) or a pair of them (sal_to_sql).";
            return false;
        }

        if (!TryParseTail(text[(equals + 1)..], allowUntil: false, out var multiplier, out var from, out _, out var channel, out error))
        {
            return false;
        }

        shock = new StageShock(from, stage, multiplier, channel);
        return true;
    }

    /// <summary>Parses a traffic break; false with a message that says what is wrong.</summary>
    public static bool TryParseTraffic(string text, out TrafficShock? shock, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        shock = null;
        if (!TryParseTail(text, allowUntil: true, out var multiplier, out var from, out var until, out var channel, out error))
        {
            return false;
        }

        shock = new TrafficShock(from, multiplier, channel, until);
        return true;
    }

    private static Stage? StageNamed(string name)
    {
        string[] planning = ["session_to_lead", "visitor_to_lead", "sessions_to_leads"];
        if (planning.Contains(name))
        {
            return Stage.Lead;
        }

        if (FunnelSteps.All.Skip(1).FirstOrDefault(s => FunnelSteps.KpiId(s) == name) is var step && step != FunnelStep.Sessions)
        {
            return StageOf(step);
        }

        var parts = name.Split("_to_");
        if (parts.Length == 2 && SnakeCaseNames<Stage>.TryParse(parts[0], out var a) && SnakeCaseNames<Stage>.TryParse(parts[1], out var b))
        {
            return a < b ? b : null;
        }

        return parts.Length == 1 && SnakeCaseNames<Stage>.TryParse(name, out var single) ? single : null;
    }

    private static bool TryParseTail(
        string text, bool allowUntil, out double multiplier, out DateOnly from, out DateOnly? until, out string? channel, out string? error)
    {
        (multiplier, from, until, channel, error) = (0, default, null, null, null);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var shape = allowUntil ? "MULTIPLIER@yyyy-MM-dd[..yyyy-MM-dd][:channel]" : "MULTIPLIER@yyyy-MM-dd[:channel]";
        if (at <= 0)
        {
            error = $"'{text}' needs a multiplier and a start day: {shape}, e.g. 0.5@2025-07-01.";
            return false;
        }

        if (!double.TryParse(text[..at], NumberStyles.Float, CultureInfo.InvariantCulture, out multiplier) || !double.IsFinite(multiplier) || multiplier < 0)
        {
            error = $"'{text[..at]}' is not a multiplier (a number of at least 0, e.g. 0.5 to halve).";
            return false;
        }

        var rest = text[(at + 1)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var id = rest[(colon + 1)..].Trim();
            channel = id;
            rest = rest[..colon];
            if (!DemoChannels.All.Any(c => c.Id == id))
            {
                error = $"'{id}' is not a demo channel; use one of {string.Join(", ", DemoChannels.All.Select(c => c.Id))}.";
                return false;
            }
        }

        var days = rest.Split("..");
        if (days.Length > (allowUntil ? 2 : 1) || !TryDay(days[0], out from) || (days.Length == 2 && !TryDay(days[1], out var end)))
        {
            error = $"'{rest}' is not a start day{(allowUntil ? " (or range)" : "")}: {shape}.";
            return false;
        }

        until = days.Length == 2 && TryDay(days[1], out var last) ? last : null;
        if (until <= from)
        {
            error = $"The range {rest} ends before it starts.";
            return false;
        }

        return true;
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
