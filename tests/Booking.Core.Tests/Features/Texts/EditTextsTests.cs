using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Texts;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Texts;

public abstract class EditTextsTests(Storage storage) : IAsyncLifetime, IDisposable
{
    private const long Owner = 1;
    private const string Key = "booking.confirmed";
    private const string DefaultText = "✅ <b>Вы записаны!</b> {date} {time}";

    private readonly TextOverrideCache _cache = new();
    private readonly Defaults _defaults = new();
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.InDbAsync(db => _cache.ReloadAsync(db, default));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    public void Dispose()
    {
        _cache.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<EditTexts.Result> RunAsync(Func<EditTexts.Handler, Task<EditTexts.Result>> call) =>
        _world.InDbAsync(db => call(new EditTexts.Handler(db, _defaults, _cache, new AuditLog(db, _world.Clock), _world.Clock)));

    [StorageFact]
    public async Task A_saved_text_is_found_at_once_in_its_language_only()
    {
        Assert.Null(_cache.Find("ru", Key));

        var result = await RunAsync(h => h.SetAsync(Owner, Key, "ru", "🎉 <b>Ждём вас</b> {date} в {time}", default));

        Assert.Equal(EditTexts.Outcome.Done, result.Outcome);
        Assert.Equal("🎉 <b>Ждём вас</b> {date} в {time}", _cache.Find("ru", Key));
        Assert.Null(_cache.Find("en", Key));
        var row = await _world.InDbAsync(db => db.TextOverrides.SingleAsync());
        Assert.Equal((Key, "ru", Owner, CoreWorld.Now.UtcDateTime), (row.Key, row.Language, row.UpdatedBy, row.UpdatedUtc));
    }

    [StorageFact]
    public async Task Lookups_read_the_snapshot_not_the_database()
    {
        await RunAsync(h => h.SetAsync(Owner, Key, "ru", "Первый {date} {time}", default));
        await _world.InDbAsync(async db =>
        {
            // A write that bypasses the feature is not seen until the cache is reloaded.
            (await db.TextOverrides.SingleAsync()).Rewrite("Мимо {date} {time}", Owner, CoreWorld.Now.UtcDateTime);
            await db.SaveChangesAsync();
        });

        Assert.Equal("Первый {date} {time}", _cache.Find("ru", Key));
        await _world.InDbAsync(db => _cache.ReloadAsync(db, default));
        Assert.Equal("Мимо {date} {time}", _cache.Find("ru", Key));
    }

    [StorageFact]
    public async Task Reset_restores_the_default_and_both_changes_are_audited_with_before_and_after()
    {
        await RunAsync(h => h.SetAsync(Owner, Key, "ru", "Ждём {date} {time}", default));

        var reset = await RunAsync(h => h.ResetAsync(Owner, Key, "ru", default));

        Assert.Equal(EditTexts.Outcome.Done, reset.Outcome);
        Assert.Null(_cache.Find("ru", Key));
        Assert.Empty(await _world.InDbAsync(db => db.TextOverrides.ToListAsync()));
        var audit = await _world.InDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["text.set", "text.reset"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("text:ru:booking.confirmed", a.Target));
        Assert.Contains("Вы записаны!", audit[0].Before, StringComparison.Ordinal);
        Assert.Contains("Ждём {date} {time}", audit[0].After, StringComparison.Ordinal);
        Assert.Contains("Ждём {date} {time}", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("Вы записаны!", audit[1].After, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task An_invalid_text_is_refused_and_nothing_is_saved_or_audited()
    {
        var result = await RunAsync(h => h.SetAsync(Owner, Key, "ru", "<b>Ждём {when}", default));

        Assert.Equal(EditTexts.Outcome.Invalid, result.Outcome);
        Assert.Equal(["date", "time"], result.Check!.Missing);
        Assert.Equal(["when"], result.Check.Unknown);
        Assert.Equal("<b>", result.Check.Markup);
        Assert.Equal(0, await _world.InDbAsync(db => db.TextOverrides.CountAsync()));
        Assert.Equal(0, await _world.InDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [StorageFact]
    public async Task Unknown_keys_and_languages_are_refused_and_a_reset_without_override_changes_nothing()
    {
        Assert.Equal(EditTexts.Outcome.NotFound, (await RunAsync(h => h.SetAsync(Owner, "no.such", "ru", "x", default))).Outcome);
        Assert.Equal(EditTexts.Outcome.NotFound, (await RunAsync(h => h.SetAsync(Owner, Key, "de", "{date} {time}", default))).Outcome);
        Assert.Equal(EditTexts.Outcome.Unchanged, (await RunAsync(h => h.ResetAsync(Owner, Key, "ru", default))).Outcome);
        Assert.Equal(0, await _world.InDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [StorageFact]
    public async Task Typing_the_default_again_removes_the_override()
    {
        await RunAsync(h => h.SetAsync(Owner, Key, "en", "Booked {date} {time}", default));

        var again = await RunAsync(h => h.SetAsync(Owner, Key, "en", DefaultText, default));

        Assert.Equal(EditTexts.Outcome.Done, again.Outcome);
        Assert.Null(_cache.Find("en", Key));
        Assert.Empty(await _world.InDbAsync(db => db.TextOverrides.ToListAsync()));
        Assert.Equal(EditTexts.Outcome.Unchanged, (await RunAsync(h => h.SetAsync(Owner, Key, "en", DefaultText, default))).Outcome);
    }

    [StorageFact]
    public async Task Saves_running_in_parallel_all_end_up_in_the_snapshot()
    {
        var keys = Enumerable.Range(0, 12).Select(i => $"k.{i}").ToList();
        _defaults.Add(keys);

        await Task.WhenAll(keys.Select(k => Task.Run(() => RunAsync(h => h.SetAsync(Owner, k, "ru", "новый " + k, default)))));

        Assert.All(keys, k => Assert.Equal("новый " + k, _cache.Find("ru", k)));
    }

    /// <summary>A few shipped texts, the same in both languages.</summary>
    private sealed class Defaults : ITextDefaults
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal) { [Key] = DefaultText };

        public IReadOnlyList<string> Keys => _texts.Keys.Order(StringComparer.Ordinal).ToList();

        public void Add(IEnumerable<string> keys)
        {
            foreach (var key in keys)
            {
                _texts[key] = "старый " + key;
            }
        }

        public string? Default(string language, string key) =>
            Languages.All.Contains(language) ? _texts.GetValueOrDefault(key) : null;
    }
}

public sealed class EditTextsOnSqlite() : EditTextsTests(Storage.Sqlite);

public sealed class EditTextsOnPostgres() : EditTextsTests(Storage.Postgres), IRunsOnPostgres;
