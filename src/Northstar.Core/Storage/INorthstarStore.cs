using Northstar.Core.Accounts;
using Northstar.Core.Goals;
using Northstar.Core.Import;
using Northstar.Core.Metrics;

namespace Northstar.Core.Storage;

/// <summary>
/// A whole backend as the CLI and the server use it: the facts and their derived views, and the
/// product's own records kept beside them (custom KPIs and settings, goals, users and keys, the
/// import log). SQLite, PostgreSQL and ClickHouse each implement all of it; nothing above the
/// storage projects knows which one runs.
/// </summary>
public interface INorthstarStore : IFactStore, ICustomKpiStore, IGoalStore, IAccountStore, IImportLog
{
    /// <summary>The clock the account records (users, tokens, write keys) are stamped with; the system clock by default.</summary>
    TimeProvider AccountClock { get; set; }
}
