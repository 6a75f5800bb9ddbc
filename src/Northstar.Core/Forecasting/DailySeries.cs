namespace Northstar.Core.Forecasting;

/// <summary>One value per day from <see cref="Start"/> on (day i is <c>Start + i</c>).</summary>
public sealed record DailySeries(DateOnly Start, IReadOnlyList<double> Values)
{
    /// <summary>The day after the last value.</summary>
    public DateOnly End => Start.AddDays(Values.Count);

    /// <summary>The value of <paramref name="day"/>, 0 outside the series.</summary>
    public double On(DateOnly day)
    {
        var i = day.DayNumber - Start.DayNumber;
        return i >= 0 && i < Values.Count ? Values[i] : 0;
    }

    /// <summary>The sum over [<paramref name="from"/>, <paramref name="to"/>), clipped to the series.</summary>
    public double Sum(DateOnly from, DateOnly to)
    {
        var sum = 0.0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            sum += On(day);
        }

        return sum;
    }

    /// <summary>The days before <paramref name="day"/> (the history as it was known then).</summary>
    public DailySeries Before(DateOnly day)
    {
        var count = Math.Clamp(day.DayNumber - Start.DayNumber, 0, Values.Count);
        return count == Values.Count ? this : new DailySeries(Start, Values.Take(count).ToArray());
    }

    /// <summary>The series with the days in [<paramref name="from"/>, <paramref name="to"/>) left out (NaN).</summary>
    public DailySeries Without(DateOnly from, DateOnly to)
    {
        var values = Values.ToArray();
        for (var day = from; day < to; day = day.AddDays(1))
        {
            var i = day.DayNumber - Start.DayNumber;
            if (i >= 0 && i < values.Length)
            {
                values[i] = double.NaN;
            }
        }

        return new DailySeries(Start, values);
    }

    /// <summary>The series from its first non-zero value on (days before a KPI ever counted anything are not history).</summary>
    public DailySeries TrimLeadingZeros()
    {
        var first = 0;
        while (first < Values.Count && Values[first] == 0)
        {
            first++;
        }

        return first == 0 ? this : new DailySeries(Start.AddDays(first), Values.Skip(first).ToArray());
    }
}
