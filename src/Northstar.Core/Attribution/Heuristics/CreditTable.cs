namespace Northstar.Core.Attribution.Heuristics;

/// <summary>
/// Running credit sums for several models over numbered keys (channels or campaigns), plus
/// simplified Shapley: flat arrays instead of a dictionary per model. A key shows up in a
/// model's credits once it received a non-zero weight, as the single-model calls do it.
/// </summary>
internal sealed class CreditTable
{
    private readonly HeuristicModel[] _models;
    private readonly List<string> _keys = [];
    private double[] _sums = new double[64];
    private bool[] _credited = new bool[32];
    private int[] _lastJourney = new int[8];
    private int _journey;

    public CreditTable(HeuristicModel[] models) => _models = models;

    private int Stride => (_models.Length + 1) * 2;

    /// <summary>Gives a new key its number (numbers follow <see cref="Add"/> order).</summary>
    public int Add(string key)
    {
        _keys.Add(key);
        var needed = _keys.Count;
        if (needed * Stride > _sums.Length)
        {
            Array.Resize(ref _sums, Math.Max(_sums.Length * 2, needed * Stride));
            Array.Resize(ref _credited, _sums.Length / 2);
        }

        if (needed > _lastJourney.Length)
        {
            Array.Resize(ref _lastJourney, _lastJourney.Length * 2);
        }

        return needed - 1;
    }

    /// <summary>Adds weight × (conversions, value) to model slot <paramref name="model"/> of key <paramref name="key"/> when the weight is not 0.</summary>
    public void Credit(int model, int key, double weight, double conversions, double value)
    {
        if (weight == 0)
        {
            return;
        }

        var at = (key * Stride) + (2 * model);
        _sums[at] += weight * conversions;
        _sums[at + 1] += weight * value;
        _credited[at / 2] = true;
    }

    /// <summary>The Shapley split of one converted journey (or path) over its distinct keys.</summary>
    public void Shapley(ReadOnlySpan<int> keys, double conversions, double value)
    {
        _journey++;
        var distinct = 0;
        foreach (var key in keys)
        {
            distinct += _lastJourney[key] == _journey ? 0 : 1;
            _lastJourney[key] = _journey;
        }

        _journey++;
        foreach (var key in keys)
        {
            if (_lastJourney[key] != _journey)
            {
                _lastJourney[key] = _journey;
                var at = (key * Stride) + (2 * _models.Length);
                _sums[at] += conversions / distinct;
                _sums[at + 1] += value / distinct;
                _credited[at / 2] = true;
            }
        }
    }

    public HeuristicCredits ToCredits()
    {
        var order = Enumerable.Range(0, _keys.Count).OrderBy(k => _keys[k], StringComparer.Ordinal).ToArray();
        var byModel = new Dictionary<HeuristicModel, IReadOnlyList<ChannelCredit>>();
        for (var m = 0; m < _models.Length; m++)
        {
            byModel[_models[m]] = Credits(order, m);
        }

        return new HeuristicCredits(byModel, Credits(order, _models.Length));
    }

    private List<ChannelCredit> Credits(int[] order, int slot)
    {
        var credits = new List<ChannelCredit>();
        foreach (var key in order)
        {
            var at = (key * Stride) + (2 * slot);
            if (_credited[at / 2])
            {
                credits.Add(new ChannelCredit(_keys[key], _sums[at], _sums[at + 1]));
            }
        }

        return credits;
    }
}
