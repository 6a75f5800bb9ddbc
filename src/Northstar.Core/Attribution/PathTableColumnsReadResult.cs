using Northstar.Core.Import;

namespace Northstar.Core.Attribution;

/// <summary>The rows of a path table that read cleanly, as columns, and a problem (file, line, column, reason) for each that did not.</summary>
public sealed record PathTableColumnsReadResult(PathTableColumns Paths, IReadOnlyList<ImportError> Errors);
