using System.Diagnostics;

namespace Booking.Faults;

/// <summary>
/// The bot as a separate operating-system process, started from the Release build (<c>dotnet BookingBot.dll</c>, the Booking.Web project) with
/// its configuration in the environment, so it can be killed with SIGKILL like a real crash.
/// </summary>
public sealed class BotProcess(IReadOnlyDictionary<string, string> environment, string logPath) : IAsyncDisposable
{
    private Process? _process;

    public int Starts { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The host's build output; the solution must have been built in Release first.</summary>
    public static string FindHostDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BookingBot.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Booking.Web", "bin", "Release", "net10.0", "BookingBot.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException(
                    $"{dll} is missing: build first with `dotnet build BookingBot.slnx -c Release`.");
            }
        }

        throw new DirectoryNotFoundException("BookingBot.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Start()
    {
        var dll = FindHostDll();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(logPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
