using System.Diagnostics.Tracing;

namespace Northstar.Bench;

/// <summary>
/// With <c>NORTHSTAR_BENCH_GCTRACE=1</c>: every gen1 and gen2 collection of the process with the
/// runtime's reason (its GCStart event), the large-object allocations that trigger them, and the
/// number of each reason at the end: what to pool or keep when collections cost time.
/// </summary>
internal sealed class GcTrace : EventListener
{
    private static readonly string[] Reasons =
    [
        "small alloc", "induced", "low memory", "empty", "large alloc", "out of space (SOH)", "out of space (LOH)",
        "induced not forced", "internal", "induced low memory", "induced compacting", "low memory host", "PM full GC",
        "low memory host blocking", "bgc tuning SOH", "bgc tuning LOH", "bgc stepping", "induced aggressive",
    ];

    private readonly Dictionary<string, int> _counts = [];
    private readonly Dictionary<string, long> _allocated = [];
    private readonly Lock _gate = new();

    public static GcTrace? StartIfAsked() =>
        Environment.GetEnvironmentVariable("NORTHSTAR_BENCH_GCTRACE") == "1" ? new GcTrace() : null;

    public void Report()
    {
        lock (_gate)
        {
            Console.WriteLine("gc reasons: " + string.Join(", ", _counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
            Console.WriteLine("allocated (sampled by the runtime's allocation ticks): " + string.Join(", ", _allocated.OrderByDescending(a => a.Value).Take(12).Select(a => $"{a.Key} {a.Value / 1e6:F0} MB")));
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // GC keyword (0x1): GCStart carries depth and reason; verbose adds an AllocationTick
            // about every 100 KB allocated, with the type that crossed it.
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.Contains("AllocationTick", StringComparison.Ordinal) == true && e.Payload is { Count: > 5 })
        {
            var type = $"{e.Payload[5]}{(Convert.ToInt32(e.Payload[1], System.Globalization.CultureInfo.InvariantCulture) == 1 ? " (large)" : "")}";
            lock (_gate)
            {
                _allocated[type] = _allocated.GetValueOrDefault(type) + Convert.ToInt64(e.Payload[3], System.Globalization.CultureInfo.InvariantCulture);
            }

            return;
        }

        if (e.EventName is not "GCStart_V2" || e.Payload is null)
        {
            return;
        }

        var depth = Convert.ToInt32(e.Payload[1], System.Globalization.CultureInfo.InvariantCulture);
        var reason = Convert.ToInt32(e.Payload[2], System.Globalization.CultureInfo.InvariantCulture);
        var name = reason < Reasons.Length ? Reasons[reason] : reason.ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var key = $"gen{depth} {name}";
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }

        if (depth == 2)
        {
            Console.WriteLine($"gc: gen2 ({name}) at {DateTime.Now:HH:mm:ss.fff}, heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
        }
    }
}
