using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Texts;

/// <summary>
/// A10: super admins reword any text per language, or reset it to the default. The proposed text is checked
/// against the default here, whatever the screen showed; every change is audited and published to the cache
/// as soon as it is committed.
/// </summary>
public static class EditTexts
{
    public enum Outcome
    {
        Done = 0,
        Unchanged = 1,
        NotFound = 2,
        Invalid = 3,
    }

    public sealed record Result(Outcome Outcome, TextTemplate.Check? Check = null);

    public sealed class Handler(BookingDb db, ITextDefaults defaults, TextOverrideCache cache, AuditLog audit, TimeProvider clock)
    {
        /// <summary>Replaces the text of <paramref name="key"/> in <paramref name="language"/>; the default itself removes the override.</summary>
        public async Task<Result> SetAsync(long actorId, string key, string language, string text, CancellationToken ct)
        {
            if (DefaultOf(key, language) is not { } original)
            {
                return new Result(Outcome.NotFound);
            }

            var check = TextTemplate.Validate(text, original);
            if (!check.IsValid)
            {
                return new Result(Outcome.Invalid, check);
            }

            var row = await db.TextOverrides.SingleOrDefaultAsync(o => o.Key == key && o.Language == language, ct);
            var before = row?.Text ?? original;
            if (string.Equals(before, text, StringComparison.Ordinal))
            {
                return new Result(Outcome.Unchanged);
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            if (string.Equals(text, original, StringComparison.Ordinal))
            {
                db.TextOverrides.Remove(row!);
            }
            else if (row is null)
            {
                db.TextOverrides.Add(new TextOverride(key, language, text, actorId, nowUtc));
            }
            else
            {
                row.Rewrite(text, actorId, nowUtc);
            }

            audit.Record(actorId, "text.set", Target(key, language), new { text = before, overridden = row is not null }, new { text });
            await SaveAsync(ct);
            return new Result(Outcome.Done);
        }

        /// <summary>Drops the override, so the default applies again; Unchanged when there was none.</summary>
        public async Task<Result> ResetAsync(long actorId, string key, string language, CancellationToken ct)
        {
            if (DefaultOf(key, language) is not { } original)
            {
                return new Result(Outcome.NotFound);
            }

            var row = await db.TextOverrides.SingleOrDefaultAsync(o => o.Key == key && o.Language == language, ct);
            if (row is null)
            {
                return new Result(Outcome.Unchanged);
            }

            db.TextOverrides.Remove(row);
            audit.Record(actorId, "text.reset", Target(key, language), new { text = row.Text }, new { text = original });
            await SaveAsync(ct);
            return new Result(Outcome.Done);
        }

        private string? DefaultOf(string key, string language) =>
            Languages.All.Contains(language) ? defaults.Default(language, key) : null;

        private async Task SaveAsync(CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            await cache.ReloadAsync(db, ct);
        }

        /// <summary>Audit targets hold 128 characters; keys are far shorter.</summary>
        private static string Target(string key, string language) => $"text:{language}:{key}";
    }
}
