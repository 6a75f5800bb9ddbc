namespace Northstar.Core.Import;

/// <summary>How far an import has come; reported about every 64k rows and once at the end.</summary>
public readonly record struct ImportProgress(long BytesRead, long BytesTotal, long RowsRead)
{
    /// <summary>Share of the file read, 0 to 1 (1 for an empty file).</summary>
    public double Fraction => BytesTotal == 0 ? 1 : Math.Min(1, (double)BytesRead / BytesTotal);
}
