namespace Northstar.Core.Storage;

/// <summary>
/// Takes the events of one reading thread of <see cref="IParallelChannelEventRead.ReadChannelEvents"/>:
/// never called from two threads at once.
/// </summary>
public interface IChannelEventReceiver
{
    /// <summary>One event; its spans are valid only during the call.</summary>
    void Add(in Utf8ChannelEvent channelEvent);
}
