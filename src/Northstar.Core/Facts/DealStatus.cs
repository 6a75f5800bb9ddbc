namespace Northstar.Core.Facts;

/// <summary>Where a deal stands.</summary>
public enum DealStatus { Open, Won, Lost }
