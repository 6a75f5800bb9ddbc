namespace Northstar.Core.Facts;

/// <summary>New business, expansion of an existing account, or a renewal.</summary>
public enum DealType { New, Expansion, Renewal }
