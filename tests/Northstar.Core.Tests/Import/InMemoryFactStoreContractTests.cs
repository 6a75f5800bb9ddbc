using Northstar.Core.Storage;
using Northstar.Testing;
using Northstar.Testing.Contracts;

namespace Northstar.Core.Tests.Import;

/// <summary>The importer's tests run against <see cref="InMemoryFactStore"/>: it must keep the store contract too.</summary>
public sealed class InMemoryFactStoreContractTests : FactStoreContract
{
    protected override IFactStore CreateStore() => new InMemoryFactStore();
}
