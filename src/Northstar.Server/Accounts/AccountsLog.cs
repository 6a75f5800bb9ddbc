using Microsoft.Extensions.Logging;

namespace Northstar.Server.Accounts;

/// <summary>The accounts' log messages (event ids 6100-6199).</summary>
internal static partial class AccountsLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Failed log-in for '{Name}' from {Address}")]
    public static partial void LoginFailed(ILogger logger, string name, string? address);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Log-in for '{Name}' from {Address} refused: too many failures, {RetryAfterSeconds} s left")]
    public static partial void LoginThrottled(ILogger logger, string name, string? address, int retryAfterSeconds);
}
