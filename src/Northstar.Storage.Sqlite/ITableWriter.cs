namespace Northstar.Storage.Sqlite;

/// <summary>A session's writer for one kind, kept until the session ends (its statements are finalised then).</summary>
internal interface ITableWriter : IDisposable
{
    /// <summary>Writes what the writer still holds back; called once, just before the session commits.</summary>
    void Complete()
    {
    }
}
