namespace Northstar.Core.Metrics.Views;

/// <summary>Which earliest event of an actor an <see cref="ActorFirst"/> records.</summary>
public enum FirstKind
{
    /// <summary>The earliest touchpoint (<see cref="Touchpoints.IsTouch"/>).</summary>
    Touch,

    /// <summary>The earliest form submission.</summary>
    FormSubmit,

    /// <summary>The earliest event of any type (kept for contacts only: their first-known time).</summary>
    AnyEvent,
}
