using System.Diagnostics;

namespace Booking.Faults;

/// <summary>
/// A PostgreSQL cluster of this run's own (Debian's pg_createcluster/pg_ctlcluster, as root) on its own port, so that
/// restarting it disturbs nobody else. Dropped at the end.
/// </summary>
public sealed class PostgresCluster(string version, string name, int port) : IAsyncDisposable
{
    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Database=faults";

    public string Describe => $"cluster {version}/{name} on port {port}";

    public static bool Available(out string why)
    {
        why = File.Exists("/usr/bin/pg_createcluster") ? "" : "pg_createcluster not found (Debian's postgresql-common)";
        return why.Length == 0;
    }

    public async Task CreateAsync(CancellationToken ct)
    {
        await RunAsync("pg_dropcluster", ["--stop", version, name], ct, mayFail: true);
        await RunAsync("pg_createcluster", [version, name, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], ct);
        await RunAsync("pg_ctlcluster", [version, name, "start"], ct);
        await PsqlAsync("ALTER USER postgres PASSWORD 'postgres'", ct);
        await PsqlAsync("CREATE DATABASE faults", ct);
    }

    /// <summary><c>pg_ctlcluster restart -m fast</c>: every connection is cut, the server is down for a moment.</summary>
    public Task RestartFastAsync(CancellationToken ct) => RunAsync("pg_ctlcluster", ["-m", "fast", version, name, "restart"], ct);

    public async ValueTask DisposeAsync() => await RunAsync("pg_dropcluster", ["--stop", version, name], CancellationToken.None, mayFail: true);

    private Task PsqlAsync(string sql, CancellationToken ct) =>
        RunAsync("su", ["postgres", "-c", $"psql -p {port} -v ON_ERROR_STOP=1 -c \"{sql}\""], ct);

    private static async Task RunAsync(string file, string[] args, CancellationToken ct, bool mayFail = false)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && !mayFail)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
