using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Storage;

/// <summary>How far a <see cref="WorkspaceCopy"/> is: facts copied of all the source holds.</summary>
/// <param name="Workspace">The workspace being copied.</param>
/// <param name="Kind">The kind being copied.</param>
/// <param name="Copied">Facts copied so far, all kinds of this workspace.</param>
/// <param name="Total">Facts the workspace holds in the source, all kinds.</param>
public readonly record struct CopyProgress(string Workspace, FactKind Kind, long Copied, long Total)
{
    /// <summary>0 to 1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Copied / Total;
}

/// <summary>What one workspace's copy did: the counts per kind on both sides after it.</summary>
/// <param name="Workspace">The workspace.</param>
/// <param name="Source">Counts in the source.</param>
/// <param name="Target">Counts in the target, read back after the commit.</param>
/// <param name="Records">The product's own records copied: custom KPIs, settings, goals, import log entries, members, write keys.</param>
public sealed record WorkspaceCopyResult(string Workspace, FactSummary Source, FactSummary Target, IReadOnlyDictionary<string, int> Records)
{
    /// <summary>The kinds whose counts differ between source and target (none when the copy is verified).</summary>
    public IReadOnlyList<FactKind> Mismatches =>
        [.. Source.Kinds.Zip(Target.Kinds).Where(p => p.First.Count != p.Second.Count).Select(p => p.First.Kind)];

    /// <summary>
    /// Members whose name the target already knew with another password: they got their role, and
    /// keep the target's password (the one they sign in with there, maybe for other workspaces).
    /// </summary>
    public IReadOnlyList<string> KeptTargetPasswords { get; init; } = [];
}

/// <summary>
/// <c>northstar migrate</c>: copies workspaces from one backend to another through their public
/// interfaces only: channel rules and every fact in one write session (one transaction where the
/// target has them), then the records (custom KPIs, settings, goals, the import log, members with
/// their password hashes, write keys), and reads the target's counts back to verify them. API
/// tokens are not copied: only their hash is stored, and a new one is minted in seconds.
/// </summary>
public static class WorkspaceCopy
{
    private const int BatchSize = 50_000;

    /// <summary>
    /// Copies one workspace. The target workspace must hold no facts yet unless
    /// <paramref name="replace"/>, which clears it first.
    /// </summary>
    public static WorkspaceCopyResult Copy(
        INorthstarStore source, INorthstarStore target, Workspace workspace, bool replace, IProgress<CopyProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(workspace);
        var into = target.GetOrCreateWorkspace(workspace.Name);
        if (target.Summarize(into).Kinds.Any(k => k.Count > 0))
        {
            if (!replace)
            {
                throw new InvalidOperationException(
                    $"Workspace '{workspace.Name}' already holds facts in the target; pass --replace to clear it before the copy.");
            }

            target.ClearFacts(into);
        }

        var sourceCounts = source.Summarize(workspace);
        var total = sourceCounts.Kinds.Sum(k => k.Count);
        target.SetChannelRules(into, source.GetChannelRules(workspace));
        long copied = 0;
        using (var session = target.BeginWrite(into))
        {
            foreach (var kind in Enum.GetValues<FactKind>())
            {
                copied = CopyKind(kind, source, workspace, session, copied, total, progress, ct);
            }

            session.Commit();
        }

        var kept = new List<string>();
        var records = CopyRecords(source, target, workspace, into, kept);
        return new WorkspaceCopyResult(workspace.Name, sourceCounts, target.Summarize(into), records) { KeptTargetPasswords = kept };
    }

    private static long CopyKind(
        FactKind kind, INorthstarStore source, Workspace workspace, IFactWriteSession session, long copied, long total, IProgress<CopyProgress>? progress, CancellationToken ct) =>
        kind switch
        {
            FactKind.Events => CopyFacts<EventFact>(source, workspace, session, copied, total, progress, ct),
            FactKind.Contacts => CopyFacts<Contact>(source, workspace, session, copied, total, progress, ct),
            FactKind.Stages => CopyFacts<StageChange>(source, workspace, session, copied, total, progress, ct),
            FactKind.Accounts => CopyFacts<Account>(source, workspace, session, copied, total, progress, ct),
            FactKind.Deals => CopyFacts<Deal>(source, workspace, session, copied, total, progress, ct),
            FactKind.Spend => CopyFacts<Spend>(source, workspace, session, copied, total, progress, ct),
            FactKind.Subscriptions => CopyFacts<Subscription>(source, workspace, session, copied, total, progress, ct),
            FactKind.Surveys => CopyFacts<SurveyAnswer>(source, workspace, session, copied, total, progress, ct),
            FactKind.Series => CopyFacts<SeriesPoint>(source, workspace, session, copied, total, progress, ct),
            FactKind.Activities => CopyFacts<Activity>(source, workspace, session, copied, total, progress, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    private static long CopyFacts<TFact>(
        INorthstarStore source, Workspace workspace, IFactWriteSession session, long copied, long total, IProgress<CopyProgress>? progress, CancellationToken ct)
        where TFact : class, IFact
    {
        var kind = FactKinds.Of<TFact>();
        var batch = new TFact[BatchSize];
        var count = 0;
        var conflicts = new List<int>();
        foreach (var fact in source.Read<TFact>(workspace))
        {
            batch[count++] = fact;
            if (count == batch.Length)
            {
                ct.ThrowIfCancellationRequested();
                session.Write<TFact>(batch, conflicts);
                copied += count;
                count = 0;
                progress?.Report(new CopyProgress(workspace.Name, kind, copied, total));
            }
        }

        session.Write<TFact>(batch.AsSpan(0, count), conflicts);
        copied += count;
        progress?.Report(new CopyProgress(workspace.Name, kind, copied, total));
        // A store holds each natural key once, so a copy has nothing to conflict with.
        return conflicts.Count == 0
            ? copied
            : throw new InvalidOperationException($"{conflicts.Count} {kind} facts of the source share a natural key with different values; nothing was copied.");
    }

    private static Dictionary<string, int> CopyRecords(INorthstarStore source, INorthstarStore target, Workspace from, Workspace into, List<string> keptTargetPasswords)
    {
        var kpis = source.ListCustomKpis(from);
        foreach (var kpi in kpis)
        {
            target.SaveCustomKpi(into, kpi);
        }

        var settings = 0;
        foreach (var key in WorkspaceSettings.Keys)
        {
            if (source.GetSetting(from, key) is { } value)
            {
                target.SetSetting(into, key, value);
                settings++;
            }
        }

        var goals = source.ListGoals(from);
        foreach (var goal in goals)
        {
            target.SaveGoal(into, goal);
        }

        // The log lists newest first; record oldest first so the target lists them in the same order.
        // Entries the target holds already (a copy run again with --replace, which clears only the
        // facts) are not recorded twice.
        var imports = source.ListImports(from, int.MaxValue);
        var logged = target.ListImports(into, int.MaxValue).Select(ImportKey).ToHashSet();
        foreach (var entry in imports.Reverse().Where(e => !logged.Contains(ImportKey(e))))
        {
            target.RecordImport(into, entry);
        }

        var members = 0;
        foreach (var member in source.ListMembers(from))
        {
            var user = target.FindUser(member.User.Name) ?? target.CreateUser(member.User.Name, member.User.PasswordHash);
            if (!string.Equals(user.PasswordHash, member.User.PasswordHash, StringComparison.Ordinal))
            {
                keptTargetPasswords.Add(member.User.Name);
            }

            target.SetRole(user.Id, into, member.Role);
            members++;
        }

        var known = target.ListWriteKeys(into).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var keys = 0;
        foreach (var key in source.ListWriteKeys(from).Where(k => !known.Contains(k.Key)))
        {
            var made = target.CreateWriteKey(into, key.Name, key.Key);
            if (key.RevokedAt is not null)
            {
                target.RevokeWriteKey(into, made.Id);
            }

            keys++;
        }

        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["custom_kpis"] = kpis.Count,
            ["settings"] = settings,
            ["goals"] = goals.Count,
            ["imports"] = imports.Count,
            ["members"] = members,
            ["write_keys"] = keys,
        };
    }

    // Timestamps to the millisecond: the backends keep different precisions.
    private static (string, string, string?, long, long, long) ImportKey(ImportLogEntry e) =>
        (e.Kind, e.FileName, e.UserName, e.StartedAt.ToUnixTimeMilliseconds(), e.FinishedAt.ToUnixTimeMilliseconds(), e.RowsRead);
}
