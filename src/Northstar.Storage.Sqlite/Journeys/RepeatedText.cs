using System.Text;

namespace Northstar.Storage.Sqlite.Journeys;

/// <summary>
/// The string of the last UTF-8 text asked for, kept while the next ones repeat it: a segment
/// holds each actor's events in runs, so one actor id string serves the whole run.
/// </summary>
internal sealed class RepeatedText
{
    private byte[] _bytes = new byte[64];
    private int _length = -1;
    private string _text = "";

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (_length >= 0 && utf8.SequenceEqual(_bytes.AsSpan(0, _length)))
        {
            return _text;
        }

        if (_bytes.Length < utf8.Length)
        {
            _bytes = new byte[utf8.Length * 2];
        }

        utf8.CopyTo(_bytes);
        _length = utf8.Length;
        _text = Encoding.UTF8.GetString(utf8);
        return _text;
    }
}
