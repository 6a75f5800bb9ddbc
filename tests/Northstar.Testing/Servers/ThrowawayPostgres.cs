using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Northstar.Testing.Servers;

/// <summary>
/// A PostgreSQL server of the test's own (scripts/postgres.sh in a temp folder, on a free
/// port), which the test may stop and start again; removed at dispose.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _dir;
    private readonly string _script;

    public ThrowawayPostgres(int port)
    {
        Port = port;
        _dir = Path.Combine(Path.GetTempPath(), "ns-pg-test-" + Guid.NewGuid().ToString("N")[..8]);
        _script = Path.Combine(RepositoryRoot(), "scripts", "postgres.sh");
        Shell("bash", _script, "start", _dir, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=northstar;Database=postgres;Timeout=5";

    /// <summary>Stops the server, keeping its data.</summary>
    public void Stop() => PgCtl("-m", "fast", "-w", "stop");

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public void Start() => PgCtl(
        "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>
    /// Restarts the server with TLS on (<c>ssl = on</c>), with a self-signed certificate for
    /// 127.0.0.1 made here; clients still choose whether to use it (its pg_hba has <c>host</c> lines).
    /// </summary>
    public void EnableSsl()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var data = Path.Combine(_dir, "data");
        var certFile = Path.Combine(data, "server.crt");
        var keyFile = Path.Combine(data, "server.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());

        // The server refuses a key file others can read, and runs as postgres when the test runs as root.
        Shell("chmod", "600", keyFile);
        if (Environment.UserName == "root")
        {
            Shell("chown", "postgres", certFile, keyFile);
        }

        File.AppendAllText(Path.Combine(data, "postgresql.conf"), "\nssl = on\n");
        Stop();
        Start();
    }

    public void Dispose() => Shell("bash", _script, "stop", _dir);

    private void PgCtl(params string[] args)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Last();
        string[] command = [Path.Combine(bin, "bin", "pg_ctl"), "-D", Path.Combine(_dir, "data"), .. args];
        if (Environment.UserName == "root")
        {
            Shell("runuser", ["-u", "postgres", "--", .. command]);
        }
        else
        {
            Shell(command[0], command[1..]);
        }
    }

    private static void Shell(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }

    /// <summary>The checkout holding scripts/: above the test binaries, else above this source file (builds with --artifacts-path elsewhere).</summary>
    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Northstar.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("The repository root (Northstar.slnx) is not above " + AppContext.BaseDirectory);
    }
}
