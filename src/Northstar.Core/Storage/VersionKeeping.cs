using System.Collections.Concurrent;

namespace Northstar.Core.Storage;

/// <summary>
/// One process's keeping of something a store writes once per workspace data version (a stage
/// rollup kept in the database): the version claimed per workspace (the newest wins, so the reads
/// that arrive while one is being kept do not start it again, and a process remembers one entry a
/// workspace however many versions pass), and the keeping running on tasks of their own, so a
/// read answers at once and <see cref="WaitAll"/> (a store's Dispose) lets them finish.
/// </summary>
public sealed class VersionKeeping
{
    private readonly ConcurrentDictionary<long, long> _claims = new();
    private readonly List<Task> _running = [];

    /// <summary>The workspaces with a claim (one entry each).</summary>
    public int Claims => _claims.Count;

    /// <summary>
    /// Claims the keeping of <paramref name="version"/> for the caller: false when this process set
    /// out to keep that version or a newer one already (a workspace's data version only grows).
    /// </summary>
    public bool Claim(long workspaceId, long version)
    {
        while (true)
        {
            if (_claims.TryGetValue(workspaceId, out var claimed))
            {
                if (claimed >= version)
                {
                    return false;
                }

                if (_claims.TryUpdate(workspaceId, version, claimed))
                {
                    return true;
                }
            }
            else if (_claims.TryAdd(workspaceId, version))
            {
                return true;
            }
        }
    }

    /// <summary>Gives a claim up (the keeping failed in a way worth trying again): the next reader of the version claims it.</summary>
    public void Release(long workspaceId, long version) => _claims.TryRemove(KeyValuePair.Create(workspaceId, version));

    /// <summary>Runs <paramref name="keep"/> on a task of its own.</summary>
    public void Start(Action keep)
    {
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(Task.Run(keep));
        }
    }

    /// <summary>Waits for the keeping started and not waited for yet; returns how many it waited for.</summary>
    public int WaitAll()
    {
        Task[] pending;
        lock (_running)
        {
            pending = [.. _running];
            _running.Clear();
        }

        Task.WaitAll(pending);
        return pending.Length;
    }
}
