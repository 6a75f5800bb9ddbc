namespace Northstar.Cli.Output;

/// <summary>How a metrics command prints its result: a table, the full result as JSON, or flat CSV rows.</summary>
internal enum ResultFormat
{
    Table,
    Json,
    Csv,
}
