using Microsoft.AspNetCore.Builder;

namespace Northstar.Server.Hosting;

/// <summary>Unhandled errors and bare status codes become RFC 7807 problem details.</summary>
public static class ErrorHandling
{
    public static void UseNorthstarErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }
}
