using Northstar.Core.Facts;

namespace Northstar.Core.Storage;

/// <summary>
/// Where a producer of facts (the demo simulator, a connector) puts them: canonical CSV files
/// or a store. Facts may arrive in any order and any mix of kinds.
/// </summary>
public interface IFactSink : IDisposable
{
    /// <summary>Adds one fact; the sink buffers as it sees fit.</summary>
    void Add<TFact>(TFact fact)
        where TFact : class, IFact;

    /// <summary>Flushes everything and makes it durable; facts not completed are lost on dispose.</summary>
    void Complete();
}
