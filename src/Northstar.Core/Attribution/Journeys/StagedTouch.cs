namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// One touch event as a reading thread staged it (<see cref="ActorStaging"/>): its actor's id
/// (UTF-16, after the identity link) and its event id (UTF-8) are ranges of the staging's arrays.
/// </summary>
internal struct StagedTouch
{
    public long Ticks;
    public int KeyStart;
    public int KeyLength;
    public int IdStart;
    public int IdLength;
    public int Hash;
    public bool IsContact;
    public string Channel;
    public string? Campaign;
}
