using System.Text.Json;
using System.Text.Json.Serialization;
using Northstar.Cli.Output;
using Northstar.Core.Planning;

namespace Northstar.Cli.Commands;

/// <summary>The plan as JSON: exact doubles (not the rounded display), steps keyed by their KPI id, every input with its source.</summary>
internal static class PlanCommandJson
{
    // A channel's rate with nothing to divide by is NaN; written as "NaN" rather than failing the whole output.
    private static readonly JsonSerializerOptions Options = new(Json.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write(TextWriter writer, FunnelPlan plan)
    {
        var json = new
        {
            Period = plan.Period.Label,
            Start = plan.Period.Range.Start,
            End = plan.Period.Range.End,
            plan.RevenueGoal,
            DealSize = new { plan.DealSize.Amount, Source = plan.DealSize.Source },
            Rates = plan.Rates.Steps.Select(Rate),
            Total = Counts(plan.Total),
            Split = new { plan.Split.Mode, plan.Split.Basis, plan.Split.MonthWeights },
            Quarters = plan.Quarters.Select(Bucket),
            Months = plan.Months.Select(Bucket),
            Forward = plan.Forward is { } f
                ? new { f.SessionsPerMonth, f.Months, PerMonth = Counts(f.PerMonth), Total = Counts(f.Total), f.RevenuePerMonth, f.Revenue }
                : null,
            plan.Gap,
            Channels = plan.Channels.Select(c => new
            {
                c.Channel,
                c.GoalShare,
                Rates = c.Rates?.Steps.Select(Rate),
                Needed = c.Needed is null ? null : Counts(c.Needed),
                Problems = c.Problems.Select(p => p.Message),
            }),
            plan.Notes,
        };
        writer.WriteLine(JsonSerializer.Serialize(json, Options));
    }

    private static object Rate(StepRate rate) => new
    {
        From = FunnelSteps.KpiId(rate.From),
        To = FunnelSteps.KpiId(rate.To),
        rate.Rate,
        rate.Source,
    };

    private static object Bucket(PlanBucket bucket) => new
    {
        bucket.Label,
        Start = bucket.Range.Start,
        End = bucket.Range.End,
        bucket.Share,
        Counts = Counts(bucket.Counts),
    };

    private static Dictionary<string, double> Counts(StepCounts counts) =>
        FunnelSteps.All.ToDictionary(FunnelSteps.KpiId, step => counts[step]);
}
