using Northstar.Core.Storage;

namespace Northstar.Core.Import.Pipeline;

/// <summary>A batch of facts of one kind, with the line each came from, on its way to the store writer.</summary>
internal abstract class FactBatch
{
    /// <summary>Writes the batch; calls <paramref name="conflict"/> with the line and key of each fact the session refused.</summary>
    public abstract void WriteTo(IFactWriteSession session, List<int> scratch, Action<int, string> conflict);
}
