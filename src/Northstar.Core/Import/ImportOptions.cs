namespace Northstar.Core.Import;

/// <summary>How <see cref="CsvImporter"/> treats one file.</summary>
public sealed record ImportOptions
{
    /// <summary>The defaults: all or nothing, rejects beside the input, the workspace's zone.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>
    /// False (default): any bad row and the file imports nothing; the result lists every error.
    /// True: good rows are committed and bad ones go to <see cref="RejectsPath"/>.
    /// </summary>
    public bool SkipBadRows { get; init; }

    /// <summary>
    /// Where rejected rows go with <see cref="SkipBadRows"/>; default beside the input, its
    /// extension replaced by <c>.rejects.csv</c> (<c>events.csv</c> gives <c>events.rejects.csv</c>).
    /// </summary>
    public string? RejectsPath { get; init; }

    /// <summary>For <see cref="ImportFormat.AdCosts"/>: the channel of the spend; default <c>paid_search</c> for Google Ads, <c>paid_social</c> for LinkedIn.</summary>
    public string? Channel { get; init; }

    /// <summary>IANA zone for timestamps without an offset; default the workspace's zone (UTC unless set).</summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// Rows per batch handed from the parser to the store writer (default 100,000). The store
    /// writes a batch in key order, so larger batches touch its key index more locally; but a
    /// batch's facts then live long enough to reach the oldest GC generation. 10M events: 50,000
    /// took 30-33 s CPU, 100,000 about 28 s, 200,000 29-30 s plus 13 full collections (1.5 s more
    /// pause). Up to three batches are in memory at once.
    /// </summary>
    public int BatchSize { get; init; } = 100_000;

    /// <summary>How many errors the result keeps; the rest are only counted (default 1,000).</summary>
    public int MaxErrorsKept { get; init; } = 1_000;
}
