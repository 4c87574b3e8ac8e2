namespace Booking.Data.Sqlite.Backups;

/// <summary>
/// An exclusive operating-system lock on <c>&lt;database&gt;.lock</c>, held by a running bot for its whole life and by
/// a restore while it replaces the file: so a restore refuses to run under a live bot, and a second bot refuses to
/// start on a database that is already served. The lock dies with the process, so a crash never leaves it stuck.
/// </summary>
public sealed class DatabaseFileLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseFileLock(FileStream stream) => _stream = stream;

    public static string LockPathFor(string databasePath) => Path.GetFullPath(databasePath) + ".lock";

    /// <summary>The lock, or null when another process (or another part of this one) holds it.</summary>
    public static DatabaseFileLock? TryAcquire(string databasePath)
    {
        var path = LockPathFor(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None is an exclusive lock on every platform .NET runs on (flock on Linux and macOS).
            return new DatabaseFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
