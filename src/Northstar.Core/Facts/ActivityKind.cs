namespace Northstar.Core.Facts;

/// <summary>Sales-side work, used for the SLA and content utilisation.</summary>
public enum ActivityKind { SalesCall, SalesEmail, Meeting, Ticket }
