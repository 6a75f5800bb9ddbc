namespace Northstar.Server.Tests.Api;

/// <summary>A fresh <see cref="ApiWorld"/> for each test (the tests write goals, plans and imports).</summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    internal ApiWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await ApiWorld.StartAsync();
        Arrange();
    }

    public async Task DisposeAsync() => await World.DisposeAsync();

    /// <summary>Runs once the world has started: make the clients the tests use.</summary>
    private protected abstract void Arrange();
}
