using System.Diagnostics;

namespace Northstar.Cli.Tests;

/// <summary>Runs the real <c>northstar</c> program (the built northstar.dll) as a child process.</summary>
internal static class CliProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "northstar.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Spectre.Console: no colours or live widgets in captured output.
        info.Environment["NO_COLOR"] = "1";
        return info;
    }

    /// <summary>Runs to completion (at most two minutes); returns exit code and output.</summary>
    public static (int ExitCode, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Run(string, string[])"/>, with these environment variables set for the child.</summary>
    public static (int ExitCode, string Out, string Err) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // The demo ends by serving its dashboard until stopped; a run waits for the process to
        // exit, so it only builds the data (DemoServeTests starts the serving demo itself).
        if (args is ["demo", ..] && !args.Contains("--no-serve") && !args.Contains("--csv"))
        {
            args = [.. args, "--no-serve"];
        }

        var info = StartInfo(workingDirectory, args);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"northstar {string.Join(' ', args)} did not finish in two minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
