namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// The touches one reading thread staged for one partition, with their actor ids (UTF-16) and
/// event ids (UTF-8) in two arrays: a partition reads its touches from each thread in one run.
/// </summary>
internal sealed class StagedPart
{
    private StagedTouch[] _touches = new StagedTouch[256];
    private char[] _keys = new char[2048];
    private int _keysLength;
    private byte[] _ids = new byte[2048];
    private int _idsLength;

    public int Count { get; private set; }

    /// <summary>How many of the touches are a contact's.</summary>
    public int ContactCount { get; private set; }

    public ReadOnlySpan<StagedTouch> Touches => _touches.AsSpan(0, Count);

    public ref readonly StagedTouch this[int at] => ref _touches[at];

    public ReadOnlySpan<char> Key(in StagedTouch touch) => _keys.AsSpan(touch.KeyStart, touch.KeyLength);

    public ReadOnlySpan<byte> Id(in StagedTouch touch) => _ids.AsSpan(touch.IdStart, touch.IdLength);

    public void Add(long ticks, ReadOnlySpan<char> key, bool isContact, ReadOnlySpan<byte> id, string channel, string? campaign)
    {
        if (Count == _touches.Length)
        {
            Array.Resize(ref _touches, _touches.Length * 2);
        }

        Ensure(ref _keys, _keysLength + key.Length);
        Ensure(ref _ids, _idsLength + id.Length);
        key.CopyTo(_keys.AsSpan(_keysLength));
        id.CopyTo(_ids.AsSpan(_idsLength));
        _touches[Count++] = new StagedTouch
        {
            Ticks = ticks, KeyStart = _keysLength, KeyLength = key.Length, IdStart = _idsLength, IdLength = id.Length,
            IsContact = isContact, Channel = channel, Campaign = campaign,
        };
        ContactCount += isContact ? 1 : 0;
        _keysLength += key.Length;
        _idsLength += id.Length;
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(length, array.Length * 2));
        }
    }
}
