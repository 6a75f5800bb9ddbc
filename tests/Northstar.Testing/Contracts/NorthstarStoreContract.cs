using Northstar.Core.Storage;

namespace Northstar.Testing.Contracts;

/// <summary>
/// The base of the contracts that need a whole backend (<see cref="INorthstarStore"/>): a backend's
/// test project derives from a contract and supplies a fresh, empty store, created on first use
/// in each test and disposed after it.
/// </summary>
public abstract class NorthstarStoreContract : IDisposable
{
    private INorthstarStore? _store;

    /// <summary>A new, empty store; called at most once per test.</summary>
    protected abstract INorthstarStore CreateStore();

    /// <summary>The test's store.</summary>
    protected INorthstarStore Store => _store ??= CreateStore();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store?.Dispose();
        }
    }
}
