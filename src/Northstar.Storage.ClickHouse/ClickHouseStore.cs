namespace Northstar.Storage.ClickHouse;

/// <summary>The ClickHouse backend (being built: issue 7).</summary>
public static class ClickHouseStore
{
}
