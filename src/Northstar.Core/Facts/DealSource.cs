namespace Northstar.Core.Facts;

/// <summary>Who sourced the deal.</summary>
public enum DealSource { Marketing, Sales, Partner }
