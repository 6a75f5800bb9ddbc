using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Northstar.Server.Tests.Tracking;

/// <summary>
/// The real <c>@segment/analytics-node</c> client (tests/Northstar.Server.Tests/node, pinned by its
/// package-lock.json): installs it with <c>npm ci</c> when node_modules is missing, then runs
/// send-events.js against a server.
/// </summary>
internal static class NodeClient
{
    public static string Directory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "node"));

    public static async Task EnsureInstalledAsync()
    {
        var dir = Directory();
        if (System.IO.Directory.Exists(Path.Combine(dir, "node_modules", "@segment", "analytics-node")))
        {
            return;
        }

        using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var error = npm.StandardError.ReadToEndAsync();
        await npm.StandardOutput.ReadToEndAsync();
        await npm.WaitForExitAsync();
        Assert.True(npm.ExitCode == 0, "npm ci failed in " + dir + ": " + await error);
    }

    /// <summary>Starts <c>node send-events.js</c>; each stdout line goes to <paramref name="onLine"/>.</summary>
    public static Process Start(Uri host, string writeKey, int count, Action<string> onLine, Action<string> onError)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory(), RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.ArgumentList.Add("send-events.js");
        info.ArgumentList.Add(host.ToString().TrimEnd('/'));
        info.ArgumentList.Add(writeKey);
        info.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var node = new Process { StartInfo = info };
        node.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine(e.Data);
            }
        };
        node.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onError(e.Data);
            }
        };
        node.Start();
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        return node;
    }
}
