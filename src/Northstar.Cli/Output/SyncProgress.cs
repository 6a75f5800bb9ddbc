namespace Northstar.Cli.Output;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread (the BCL's
/// <see cref="Progress{T}"/> posts to the thread pool, so lines could arrive after the result).
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
