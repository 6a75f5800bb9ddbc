namespace Northstar.Storage.Sqlite;

/// <summary>
/// Sees the rows a <see cref="TableWriter{TFact}"/> writes, to keep derived views in step. Rows
/// are named by (buffer, row in buffer). Encoding calls come from the encoding thread, the others
/// from the writer thread; a buffer is never encoded while its rows are being stepped.
/// </summary>
internal interface IRowObserver<in TFact>
{
    /// <summary>Writer thread, before a batch's first row is stepped.</summary>
    void Starting();

    /// <summary>Encoding thread: buffer <paramref name="buffer"/> is about to be refilled.</summary>
    void Encoding(int buffer);

    /// <summary>Encoding thread: <paramref name="fact"/> is row <paramref name="row"/> of the buffer.</summary>
    void Encoded(int buffer, int row, TFact fact);

    /// <summary>Writer thread: the row's upsert changed a row (inserted it, or updated one of another session).</summary>
    void Applied(int buffer, int row);

    /// <summary>Writer thread, after the batch's last row.</summary>
    void Finished();
}
