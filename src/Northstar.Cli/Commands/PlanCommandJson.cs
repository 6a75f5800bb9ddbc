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
        writer.WriteLine(JsonSerializer.Serialize(PlanDocument.Create(plan), Options));
    }
}
