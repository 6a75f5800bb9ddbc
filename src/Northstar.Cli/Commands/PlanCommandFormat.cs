using System.Globalization;

namespace Northstar.Cli.Commands;

/// <summary>How the plan shows numbers: counts to 4 significant digits (6,313; 94.7; 0.7576), rates as percentages, money in whole units.</summary>
internal static class PlanCommandFormat
{
    public static string Count(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        if (Math.Abs(value) >= 1000 || value == 0)
        {
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        }

        var digits = Math.Clamp(3 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 12);
        return Math.Round(value, digits).ToString("0.############", CultureInfo.InvariantCulture);
    }

    public static string Rate(double rate) =>
        double.IsFinite(rate) ? (rate * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Signed(double rate) => (rate >= 0 ? "+" : "") + Rate(rate);

    public static string Points(double change) => (change >= 0 ? "+" : "") + (change * 100).ToString("0.###", CultureInfo.InvariantCulture) + " pts";

    public static string Money(decimal amount) => "$" + decimal.Round(amount, 0).ToString("#,0", CultureInfo.InvariantCulture);
}
