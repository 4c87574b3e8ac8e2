using System.Collections.Frozen;
using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Texts;

/// <summary>
/// The admins' text overrides (A10) held in memory as one immutable snapshot, so looking a text up never touches
/// the database. Every save or reset in this process reloads it, and a lookup afterwards sees the new wording at
/// once. Reloads are serialised: the snapshot published last was read last, so it holds every committed change.
/// See ADR 0009 for how several processes would stay in step.
/// </summary>
public sealed class TextOverrideCache : IDisposable
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Empty =
        FrozenDictionary<string, FrozenDictionary<string, string>>.Empty;

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot _current = new(Empty, 0);

    /// <summary>Overrides by language, then by key; <see cref="Generation"/> counts the reloads of this process.</summary>
    public sealed record Snapshot(FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage, long Generation);

    public Snapshot Current => _current;

    /// <summary>The admin's wording of <paramref name="key"/> in <paramref name="language"/>, or null for the default.</summary>
    public string? Find(string language, string key) =>
        _current.ByLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text : null;

    public bool IsOverridden(string language, string key) => Find(language, key) is not null;

    /// <summary>Swaps in a snapshot of exactly these overrides.</summary>
    internal void Publish(IEnumerable<(string Language, string Key, string Text)> rows)
    {
        var byLanguage = rows
            .GroupBy(r => r.Language, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(r => r.Key, r => r.Text, StringComparer.Ordinal), StringComparer.Ordinal);
        _current = new Snapshot(byLanguage, _current.Generation + 1);
    }

    public void Dispose() => _reload.Dispose();

    /// <summary>Reads every override and publishes them as the new snapshot.</summary>
    public async Task ReloadAsync(BookingDb db, CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            var rows = await db.TextOverrides.AsNoTracking().Select(o => new { o.Language, o.Key, o.Text }).ToListAsync(ct);
            Publish(rows.Select(r => (r.Language, r.Key, r.Text)));
        }
        finally
        {
            _reload.Release();
        }
    }
}
