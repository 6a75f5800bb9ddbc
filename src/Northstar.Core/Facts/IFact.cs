namespace Northstar.Core.Facts;

/// <summary>A fact: something that happened, identified within its workspace by a natural key.</summary>
public interface IFact
{
    /// <summary>The natural key (IMPORT.md, bold columns) joined with '|', unique per kind and workspace.</summary>
    string NaturalKey { get; }

    /// <summary>The columns of the row that IMPORT.md does not name.</summary>
    PropertyBag Properties { get; }
}
