using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Adds one property to a bag (builders' <c>Property(name, value)</c>).</summary>
internal static class Props
{
    public static PropertyBag With(PropertyBag bag, string name, string value) =>
        PropertyBag.From(bag.Append(KeyValuePair.Create(name, value)));
}
