using Northstar.Core.Facts;

namespace Northstar.Core.Storage;

/// <summary>
/// One transaction of writes into one workspace. Writing a fact whose natural key is stored
/// replaces the stored fact (re-import is idempotent, a changed row updates its fact).
/// </summary>
public interface IFactWriteSession : IDisposable
{
    /// <summary>
    /// Writes a batch of facts of one kind. A fact whose natural key was already written in
    /// this same session with different values is not applied: its index in
    /// <paramref name="facts"/> is added to <paramref name="conflicts"/> (the importer reports it
    /// as a duplicate key inside one file). Same key with the same values is not a conflict.
    /// "Same values" is judged at the store's precision (IFactStore remarks). Within one call,
    /// the fact with the lowest index is the one applied; indexes are added in ascending order.
    /// </summary>
    void Write<TFact>(ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
        where TFact : class, IFact;

    /// <summary>Makes everything written durable and visible, at once. Writing after it is an error.</summary>
    void Commit();
}
