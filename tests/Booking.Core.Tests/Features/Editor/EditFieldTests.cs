using System.Text.Json;
using Booking.Core.Domain;
using Booking.Core.Features.Editor;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Editor;

/// <summary>A9 on real SQLite: each whitelisted field's rules, the audit trail, and what the editor refuses.</summary>
public abstract class EditFieldTests(Storage storage) : IAsyncLifetime
{
    private const long OwnerId = 1;
    private const long ClientId = 500;
    private CoreWorld _world = null!;
    private int _blockId;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage, "Europe/Moscow", OwnerId);
        await _world.AddClientsAsync(ClientId);
        _blockId = await _world.InDbAsync(async db =>
        {
            var block = new Block(CoreWorld.Moscow(12, 3, 9), CoreWorld.Moscow(12, 3, 12), "Ремонт", OwnerId, CoreWorld.Now.UtcDateTime);
            db.Blocks.Add(block);
            await db.SaveChangesAsync();
            return block.Id;
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<EditField.Result> SaveAsync(string entity, long id, string field, string text, long actor = OwnerId) =>
        _world.RunAsync<EditField.Handler, EditField.Result>(h => h.SaveAsync(new EditField.Request(actor, entity, id, field, text), default));

    private Task<EditField.Result> CheckAsync(string entity, long id, string field, string text) =>
        _world.RunAsync<EditField.Handler, EditField.Result>(h => h.CheckAsync(new EditField.Request(OwnerId, entity, id, field, text), default));

    private long IdOf(string entity) => entity switch
    {
        EditorEntity.Service => _world.ServiceId,
        EditorEntity.Block => _blockId,
        EditorEntity.Client => ClientId,
        _ => 0,
    };

    private Task<int> AuditCountAsync() => _world.InDbAsync(db => db.AuditEntries.CountAsync());

    [StorageTheory]
    [InlineData(EditorEntity.Service, "n", "   ")]
    [InlineData(EditorEntity.Service, "m", "14")]
    [InlineData(EditorEntity.Service, "m", "481")]
    [InlineData(EditorEntity.Service, "m", "час")]
    [InlineData(EditorEntity.Service, "p", "-5")]
    [InlineData(EditorEntity.Service, "p", "10.005")]
    [InlineData(EditorEntity.Service, "i", "45")]
    [InlineData(EditorEntity.Service, "a", "maybe")]
    [InlineData(EditorEntity.Client, "n", "")]
    [InlineData(EditorEntity.Client, "p", "1234")]
    [InlineData(EditorEntity.Client, "p", "123456789012345678901")]
    [InlineData(EditorEntity.Client, "p", "+7 (900) 123")]
    [InlineData(EditorEntity.Client, "p", "79+001234")]
    [InlineData(EditorEntity.Client, "l", "de")]
    [InlineData(EditorEntity.Settings, "1", "1441")]
    [InlineData(EditorEntity.Settings, "0", "45")]
    [InlineData(EditorEntity.Settings, "7", "Mars/Olympus_Mons")]
    public async Task A_value_outside_the_fields_rules_is_refused_and_nothing_is_written(string entity, string field, string text)
    {
        var result = await SaveAsync(entity, IdOf(entity), field, text);

        Assert.Equal(EditField.Outcome.Invalid, result.Outcome);
        Assert.Equal(0, await AuditCountAsync());
    }

    [StorageFact]
    public async Task Long_texts_are_refused_one_character_past_each_limit()
    {
        Assert.Equal(EditField.Outcome.Invalid, (await SaveAsync(EditorEntity.Service, _world.ServiceId, "n", new string('a', Service.MaxNameLength + 1))).Outcome);
        Assert.Equal(EditField.Outcome.Invalid, (await SaveAsync(EditorEntity.Service, _world.ServiceId, "d", new string('a', Service.MaxDescriptionLength + 1))).Outcome);
        Assert.Equal(EditField.Outcome.Invalid, (await SaveAsync(EditorEntity.Block, _blockId, "r", new string('a', Block.MaxReasonLength + 1))).Outcome);
        Assert.Equal(EditField.Outcome.Invalid, (await SaveAsync(EditorEntity.Client, ClientId, "n", new string('a', Client.MaxFirstNameLength + 1))).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Block, _blockId, "r", new string('a', Block.MaxReasonLength))).Outcome);
    }

    [StorageFact]
    public async Task Every_service_field_is_written_through_the_service_and_a_client_reads_it_back()
    {
        var id = _world.ServiceId;
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Service, id, "n", " Стрижка ")).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Service, id, "d", "Коротко")).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Service, id, "m", "480")).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Service, id, "p", "30 USD")).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Service, id, "i", "15")).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Service, id, "a", "нет")).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Service, id, "d", "-")).Outcome);

        var s = await _world.InDbAsync(db => db.Services.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(("Стрижка", (string?)null, 480, 30m, "USD", (int?)15, false),
            (s.Name, s.Description, s.DurationMinutes, s.Price, s.Currency, s.SlotIntervalMinutes, s.IsActive));
    }

    [StorageFact]
    public async Task A_change_is_audited_with_the_field_and_its_values_before_and_after()
    {
        var result = await SaveAsync(EditorEntity.Client, ClientId, "p", "+79001234567", actor: 77);

        Assert.Equal(EditField.Outcome.Changed, result.Outcome);
        var entry = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((77L, "field.client.phone", $"client:{ClientId}", """{"phone":null}"""), (entry.ActorId, entry.Action, entry.Target, entry.Before));
        Assert.Equal("+79001234567", JsonDocument.Parse(entry.After!).RootElement.GetProperty("phone").GetString());
        Assert.Equal("+79001234567", await _world.InDbAsync(db => db.Clients.Where(c => c.Id == ClientId).Select(c => c.Phone).SingleAsync()));
    }

    [StorageFact]
    public async Task A_setting_goes_through_the_settings_rules_and_is_audited_under_its_name()
    {
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Settings, 0, "1", "90")).Outcome);

        Assert.Equal(90, await _world.InDbAsync(db => db.Settings.Select(s => s.MinNoticeMinutes).SingleAsync()));
        var entry = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("field.settings.min_notice", "settings", """{"min_notice":90}"""), (entry.Action, entry.Target, entry.After));
    }

    [StorageFact]
    public async Task The_same_value_again_is_unchanged_and_not_audited()
    {
        Assert.Equal(EditField.Outcome.Unchanged, (await SaveAsync(EditorEntity.Client, ClientId, "l", "RU")).Outcome);
        Assert.Equal(0, await AuditCountAsync());
    }

    [StorageTheory]
    [InlineData(EditorEntity.Service, "order")]
    [InlineData(EditorEntity.Service, "x")]
    [InlineData(EditorEntity.Client, "b")]
    [InlineData(EditorEntity.Block, "s")]
    [InlineData(EditorEntity.Settings, "11")]
    [InlineData("booking", "n")]
    public async Task A_field_code_that_is_not_on_the_whitelist_is_refused(string entity, string field)
    {
        var result = await SaveAsync(entity, IdOf(entity), field, "1");

        Assert.Equal(EditField.Outcome.UnknownField, result.Outcome);
        Assert.Equal(0, await AuditCountAsync());
    }

    [StorageFact]
    public async Task A_check_shows_before_and_after_and_writes_nothing()
    {
        var result = await CheckAsync(EditorEntity.Service, _world.ServiceId, "p", "3 000");

        Assert.Equal(EditField.Outcome.Changed, result.Outcome);
        Assert.Equal((new Price(2500m, "RUB"), new Price(3000m, "RUB")), ((Price)result.Before!, (Price)result.After!));
        Assert.Equal(2500m, await _world.InDbAsync(db => db.Services.Where(s => s.Id == _world.ServiceId).Select(s => s.Price).SingleAsync()));
        Assert.Equal(0, await AuditCountAsync());
    }

    [StorageFact]
    public async Task Owners_are_read_only_and_the_last_super_admin_is_never_demoted()
    {
        await _world.InDbAsync(async db =>
        {
            db.Admins.Add(new Admin(20, AdminRole.Moderator, OwnerId, CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });

        Assert.Equal(EditField.Outcome.ReadOnly, (await SaveAsync(EditorEntity.Admin, OwnerId, "r", "moderator")).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Admin, 20, "r", "super_admin")).Outcome);
        Assert.Equal(EditField.Outcome.Changed, (await SaveAsync(EditorEntity.Admin, 20, "r", "moderator")).Outcome);
        Assert.Equal(EditField.Outcome.Invalid, (await SaveAsync(EditorEntity.Admin, 20, "r", "owner")).Outcome);
        Assert.Equal(["field.admin.role", "field.admin.role"], await _world.InDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [StorageFact]
    public async Task Demoting_the_only_super_admin_left_is_refused()
    {
        await using var world = await CoreWorld.CreateAsync(storage);
        await world.InDbAsync(async db =>
        {
            db.Admins.Add(new Admin(30, AdminRole.SuperAdmin, 0, CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });

        var result = await world.RunAsync<EditField.Handler, EditField.Result>(h =>
            h.SaveAsync(new EditField.Request(30, EditorEntity.Admin, 30, "r", "moderator"), default));

        Assert.Equal(EditField.Outcome.LastSuperAdmin, result.Outcome);
        Assert.Equal(AdminRole.SuperAdmin, await world.InDbAsync(db => db.Admins.Select(a => a.Role).SingleAsync()));
    }

    [StorageFact]
    public async Task A_record_that_does_not_exist_is_not_found()
    {
        Assert.Equal(EditField.Outcome.NotFound, (await SaveAsync(EditorEntity.Client, 999, "n", "Анна")).Outcome);
        Assert.Equal(EditField.Outcome.NotFound, (await SaveAsync(EditorEntity.Block, 999, "r", "x")).Outcome);
    }

    [StorageFact]
    public async Task Lists_are_paged_and_say_when_more_follow()
    {
        await _world.AddClientsAsync(Enumerable.Range(1, EditField.PageSize).Select(i => 600L + i).ToArray());

        var first = await _world.RunAsync<EditField.Handler, EditField.Page>(h => h.ListAsync(EditorEntity.Client, 0, default));
        var second = await _world.RunAsync<EditField.Handler, EditField.Page>(h => h.ListAsync(EditorEntity.Client, 1, default));

        Assert.Equal((EditField.PageSize, true), (first.Items.Count, first.HasMore));
        Assert.Equal((1, false), (second.Items.Count, second.HasMore));
        Assert.Equal(608L, second.Items[0].Id);
    }

    [StorageFact]
    public void Every_field_has_a_short_unique_code_within_its_entity()
    {
        Assert.All(EditableFields.All, f => Assert.InRange(f.Code.Length, 1, 2));
        Assert.Equal(EditableFields.All.Count, EditableFields.All.Select(f => (f.Entity, f.Code)).Distinct().Count());
    }
}

public sealed class EditFieldOnSqlite() : EditFieldTests(Storage.Sqlite);

public sealed class EditFieldOnPostgres() : EditFieldTests(Storage.Postgres), IRunsOnPostgres;
