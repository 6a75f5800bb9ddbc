using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Cli.Commands;

/// <summary><c>attribution pipeline</c>, <c>influence</c> and <c>economics</c>: the reports over the store's journeys.</summary>
internal static partial class AttributionCommand
{
    private static Command Pipeline(CliContext context)
    {
        var o = new AttributionOptions();
        var command = new Command(
            "pipeline",
            "Sourced vs influenced pipeline per channel: sourced by the contact's original source (first touch ever, as pipeline_created --by channel), influenced by every channel in the deal's look-back journey.")
        {
            o.Period, o.Format,
        };
        command.SetAction(parse => WithStore(context, parse, o, needsModel: false, (session, config, model, period) =>
        {
            var journeys = AttributionCommandInput.Journeys(context, session, config, ConversionGoal.DealCreated, period);
            var (store, workspace) = (session.Store, session.Workspace);
            var deals = DealOrigin.CreatedIn(store.Read<Deal>(workspace), store.ReadLifecycles(workspace), workspace.TimeZone, period?.Range);
            var table = PipelineReport.Compute(journeys.Journeys, deals, journeys.UntouchedConversions, journeys.UntouchedValue);
            AttributionWriter.Pipeline(context, Scope(config, ConversionGoal.DealCreated, period), table, parse.GetValue(o.Format)!);
        }));
        return command;
    }

    private static Command Influence(CliContext context)
    {
        var o = new AttributionOptions();
        var command = new Command("influence", "Channel influence on MQLs next to influence on won revenue, under one model.") { o.Model, o.Order, o.NoNulls, o.Period, o.Format };
        command.SetAction(parse => WithStore(context, parse, o, needsModel: true, (session, config, model, period) =>
        {
            var (mqls, won) = Credits(context, session, config, ConversionGoal.Entered(Stage.Mql), ConversionGoal.Won, period, model!);
            AttributionWriter.Influence(context, Scope(config, "mql and won", period), InfluenceReport.Compute(mqls, won), parse.GetValue(o.Format)!);
        }));
        return command;
    }

    private static Command Economics(CliContext context)
    {
        var o = new AttributionOptions();
        var command = new Command("economics", "ROI, ROAS and CAC per channel: the period's spend against the customers and won revenue a model credits.") { o.Model, o.Order, o.NoNulls, o.Period, o.Format };
        command.SetAction(parse => WithStore(context, parse, o, needsModel: true, (session, config, model, period) =>
        {
            var (customers, revenue) = Credits(context, session, config, ConversionGoal.Entered(Stage.Customer), ConversionGoal.Won, period, model!);
            var table = EconomicsReport.Compute(customers, revenue, session.Store.Read<Spend>(session.Workspace), period?.Range);
            AttributionWriter.Economics(context, Scope(config, "customer and won", period), table, parse.GetValue(o.Format)!);
        }));
        return command;
    }

    private static int WithStore(CliContext context, ParseResult parse, AttributionOptions o, bool needsModel, Action<KpiCommandSession, AttributionConfig, AttributionModel?, Period?> report)
    {
        using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
        if (session is null)
        {
            return 1;
        }

        var config = AttributionCommandInput.Config(session);
        var model = needsModel ? AttributionCommandInput.Model(parse, o, config, context) : null;
        var (ok, period) = AttributionCommandInput.Period(parse.GetValue(o.Period), session, context);
        if ((needsModel && model is null) || !ok)
        {
            return 2;
        }

        report(session, config, model, period);
        return 0;
    }

    /// <summary>The model's credits for two goals, from journeys built together (one read of the touches).</summary>
    private static (CreditTable First, CreditTable Second) Credits(
        CliContext context, KpiCommandSession session, AttributionConfig config, ConversionGoal first, ConversionGoal second, Period? period, AttributionModel model)
    {
        var sets = AttributionCommandInput.Journeys(context, session, config, [first, second], period);
        return (Credit(sets[0], model), Credit(sets[1], model));
    }

    private static CreditTable Credit(JourneySet set, AttributionModel model) =>
        CreditReport.Compute(AttributionInput.FromJourneys(set.Journeys, set.UntouchedConversions, set.UntouchedValue), model);

    private static AttributionScope Scope(AttributionConfig config, object conversion, Period? period) =>
        new("store", conversion.ToString(), period is null ? null : $"{period.Label} ({period.Range})", config.LookbackDays);
}
