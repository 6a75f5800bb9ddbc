using Northstar.Core.Metrics.Formulas;
using Northstar.Core.Metrics.Measures;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>Every built-in KPI of KPIS.md, plus the workspace's custom ones, by id.</summary>
internal sealed partial class KpiCatalog
{
    private readonly Dictionary<string, Kpi> _byId = new(StringComparer.Ordinal);
    private readonly List<Kpi> _all = [];

    public KpiCatalog(MetricOptions options, IEnumerable<KpiDefinition>? custom = null)
    {
        Measures = new MeasureRegistry(options);
        AddTraffic();
        AddFunnel();
        AddRevenue();
        AddEfficiency();
        AddRetention();
        AddAccounts();
        foreach (var definition in custom ?? [])
        {
            AddCustom(definition);
        }
    }

    public MeasureRegistry Measures { get; }

    /// <summary>Built-in KPIs in catalogue order, then custom ones.</summary>
    public IReadOnlyList<Kpi> All => _all;

    public Kpi? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Parses and adds a custom KPI; a bad formula is an error naming the KPI.</summary>
    private void AddCustom(KpiDefinition definition)
    {
        var parsed = FormulaParser.Parse(definition.Formula ?? "", Measures);
        if (parsed.Formula is not { } formula)
        {
            throw new BrokenCustomKpiException(definition.Id, parsed.Errors[0].Reason);
        }

        Add(new FormulaKpi(definition with { Dimensions = FormulaKpi.CommonDimensions(formula, Measures) }, formula, Measures));
    }

    private void Add(Kpi kpi)
    {
        if (!_byId.TryAdd(kpi.Definition.Id, kpi))
        {
            throw new InvalidOperationException($"KPI id '{kpi.Definition.Id}' is defined twice.");
        }

        _all.Add(kpi);
    }

    /// <summary>A KPI that is one measure.</summary>
    private void Measure(string id, string name, KpiDirection direction, string? definition = null, string? measure = null)
    {
        var m = Measures.Get(measure ?? id);
        Add(new MeasureKpi(new KpiDefinition(id, name, m.Unit, direction, definition ?? m.Definition, m.SupportedDimensions), m));
    }

    /// <summary>A KPI written as a formula over measures; its dimensions are those all its measures share unless given.</summary>
    private void Formula(
        string id, string name, KpiUnit unit, KpiDirection direction, string formula, string definition, IReadOnlyList<string>? dimensions = null)
    {
        var parsed = FormulaParser.Parse(formula, Measures);
        var f = parsed.Formula ?? throw new InvalidOperationException($"Built-in KPI '{id}': {parsed.Errors[0].Reason}");
        if (f.CheckDeclaredUnit(unit) is { } error)
        {
            throw new InvalidOperationException($"Built-in KPI '{id}': {error.Reason}");
        }

        var definitionRecord = new KpiDefinition(id, name, unit, direction, definition, dimensions ?? FormulaKpi.CommonDimensions(f, Measures));
        Add(new FormulaKpi(definitionRecord, f, Measures));
    }
}
