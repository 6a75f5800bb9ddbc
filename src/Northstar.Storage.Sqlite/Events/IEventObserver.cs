using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// Sees the events an <see cref="EventWriter"/> writes, to keep derived views in step. Rows are
/// named by (chunk buffer, row in buffer). Encoding calls come from the encoding thread, the
/// others from the writer thread; a buffer is never encoded while its rows are being written.
/// </summary>
internal interface IEventObserver
{
    /// <summary>Encoding thread: buffer <paramref name="buffer"/> is about to be refilled.</summary>
    void Encoding(int buffer);

    /// <summary>Encoding thread: <paramref name="fact"/> is row <paramref name="row"/> of the buffer.</summary>
    void Encoded(int buffer, int row, EventFact fact);

    /// <summary>Writer thread: the row was a new event, appended.</summary>
    void Inserted(int buffer, int row);

    /// <summary>Writer thread: every row of the buffer is written (the encoder refills it next).</summary>
    void Written(int buffer);

    /// <summary>Writer thread: a stored event of an earlier session was replaced (both as stored, decoded from their encodings).</summary>
    void Updated(EventFact old, EventFact updated);

    /// <summary>Writer thread, after a write call's last row.</summary>
    void Finished();
}
