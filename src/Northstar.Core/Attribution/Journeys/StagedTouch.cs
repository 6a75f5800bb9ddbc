namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// One touch event as a reading thread staged it (<see cref="ActorStaging"/>): its actor's id
/// (UTF-16, after the identity link) and its event id (UTF-8) are ranges of its
/// <see cref="StagedPart"/>'s arrays.
/// </summary>
internal struct StagedTouch
{
    public long Ticks;
    public int KeyStart;
    public int KeyLength;
    public int IdStart;
    public int IdLength;
    public bool IsContact;
    public string Channel;
    public string? Campaign;
}
