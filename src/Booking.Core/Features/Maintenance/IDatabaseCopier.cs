namespace Booking.Core.Features.Maintenance;

/// <summary>
/// The provider-specific half of a backup: a consistent copy of the live database taken while the bot keeps
/// writing, and a check of such a copy. SQLite implements it; PostgreSQL is backed up with pg_dump instead.
/// </summary>
public interface IDatabaseCopier
{
    /// <summary>Writes a consistent snapshot of the live database to <paramref name="path"/>, which must not exist.</summary>
    Task CopyToAsync(string path, CancellationToken ct);

    /// <summary>Null when the copy at <paramref name="path"/> is sound; otherwise what is wrong with it.</summary>
    Task<string?> FindDamageAsync(string path, CancellationToken ct);
}
