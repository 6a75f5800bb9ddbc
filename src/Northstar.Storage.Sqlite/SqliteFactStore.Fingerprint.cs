using System.Security.Cryptography;
using System.Text;
using Northstar.Storage.Sqlite.Schema;

namespace Northstar.Storage.Sqlite;

public sealed partial class SqliteFactStore
{
    /// <summary>
    /// A short hash of the schema this build creates: files kept between runs (the benchmarks'
    /// demo stores) are rebuilt when it changes, which matters while schema steps are still
    /// edited in place before a release.
    /// </summary>
    public static string SchemaFingerprint { get; } =
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", SchemaMigrations.Steps))))[..12];
}
