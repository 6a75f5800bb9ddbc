namespace Northstar.Core.Storage;

/// <summary>
/// A store that cannot be opened as it is (written by a newer Northstar, or its schema upgrade
/// failed), with a message meant for the person who named it; nothing in it was changed.
/// </summary>
public sealed class StoreUnavailableException : InvalidOperationException
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
