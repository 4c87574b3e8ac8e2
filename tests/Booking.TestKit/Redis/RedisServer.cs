using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Booking.TestKit.Redis;

/// <summary>
/// A redis-server of the test's own on a free loopback port, which the test may stop and start again to play an
/// outage. With <c>keepData</c> it writes every command to an append-only file, so a restart brings back what it held
/// (the case where a stale copy could survive an outage); without, a restart comes back empty.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly bool _keepData;
    private readonly string _directory;
    private Process? _process;

    private RedisServer(int port, bool keepData)
    {
        Port = port;
        _keepData = keepData;
        _directory = Path.Combine(Path.GetTempPath(), "bookingbot-redis", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(bool keepData = false)
    {
        var server = new RedisServer(FreePort(), keepData);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                     "--dir", _directory, "--appendonly", _keepData ? "yes" : "no", "--appendfsync", "always" })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAsync(true);
    }

    /// <summary>Kills the server at once, as a crash or a pulled cable would; clients see their connection drop.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
            await WaitUntilAsync(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp folder left behind.
        }
    }

    /// <summary>True when the server answers PING.</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(bool answering)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await AnswersAsync() == answering)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server on port {Port} did not {(answering ? "start" : "stop")} within 10 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
