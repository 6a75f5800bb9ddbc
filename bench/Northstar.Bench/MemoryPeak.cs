namespace Northstar.Bench;

/// <summary>
/// Samples the process every 50 ms while a bench runs: the peak working set, the GC's peak
/// committed memory and its peak heap after a collection, so a change that grows the managed
/// heap (which the collector then faults in afresh) shows apart from SQLite's page cache.
/// </summary>
internal sealed class MemoryPeak : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private long _workingSet;
    private long _committed;
    private long _heap;
    private TimeSpan _heapAt;
    private string _generations = "";
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public MemoryPeak()
    {
        _timer = new Timer(_ => Sample(), null, 0, 50);
    }

    public string Report()
    {
        Sample();
        lock (_gate)
        {
            return $"peak working set {_workingSet / 1e6:F0} MB, gc committed {_committed / 1e6:F0} MB, gc heap after a collection {_heap / 1e6:F0} MB (at {_heapAt.TotalSeconds:F1} s: {_generations})";
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var info = GC.GetGCMemoryInfo();
        var workingSet = Environment.WorkingSet;
        lock (_gate)
        {
            _workingSet = Math.Max(_workingSet, workingSet);
            _committed = Math.Max(_committed, info.TotalCommittedBytes);
            if (info.HeapSizeBytes > _heap)
            {
                (_heap, _heapAt) = (info.HeapSizeBytes, _clock.Elapsed);
                var names = new[] { "gen0", "gen1", "gen2", "large", "pinned" };
                var parts = new List<string>();
                var generations = info.GenerationInfo;
                for (var g = 0; g < generations.Length; g++)
                {
                    parts.Add($"{names[g]} {generations[g].SizeAfterBytes / 1e6:F0} MB ({generations[g].FragmentationAfterBytes / 1e6:F0} free)");
                }

                _generations = string.Join(", ", parts);
            }
        }
    }
}
