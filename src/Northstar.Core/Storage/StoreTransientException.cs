namespace Northstar.Core.Storage;

/// <summary>
/// The store could not be reached or lost its connection mid-operation (a database server that
/// is down or restarting). Nothing of the failed write was kept: the caller may retry the whole
/// operation later, and the store reconnects by itself on the next call.
/// </summary>
public sealed class StoreTransientException : Exception
{
    public StoreTransientException()
    {
    }

    public StoreTransientException(string message)
        : base(message)
    {
    }

    public StoreTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
