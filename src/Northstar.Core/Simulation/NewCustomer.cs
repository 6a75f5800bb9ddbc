namespace Northstar.Core.Simulation;

/// <summary>A contact whose new-business deal was won: the start of a subscription.</summary>
internal sealed record NewCustomer(string ContactId, string Channel, string AccountId, SegmentProfile Segment, string Owner, DateTimeOffset WonAt, decimal Amount);
