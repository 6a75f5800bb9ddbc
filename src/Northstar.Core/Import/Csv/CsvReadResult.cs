namespace Northstar.Core.Import.Csv;

/// <summary>What <see cref="Utf8CsvReader.Read"/> found next.</summary>
internal enum CsvReadResult
{
    /// <summary>A record; its fields are readable.</summary>
    Record,

    /// <summary>A malformed record (unterminated quote, text after a closing quote); <see cref="Utf8CsvReader.RecordProblem"/> says why.</summary>
    BadRecord,

    /// <summary>The file is not UTF-8 text, or a record exceeds the size limit; <see cref="Utf8CsvReader.FileProblem"/> says why. Reading stops.</summary>
    NotText,

    /// <summary>No more records.</summary>
    End,
}
