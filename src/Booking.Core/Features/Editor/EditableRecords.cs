using System.Globalization;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Editor;

/// <summary>A9: finds and lists the records of each entity the editor reaches, tracked so that a change can be saved.</summary>
internal static class EditableRecords
{
    /// <summary>The one settings row has no id of its own; the editor calls it 0.</summary>
    public const long SettingsId = 0;

    public static async Task<object?> FindAsync(EditorScope s, string entity, long id, CancellationToken ct) => entity switch
    {
        EditorEntity.Service when id <= int.MaxValue => await s.Db.Services.SingleOrDefaultAsync(x => x.Id == (int)id && !x.IsDeleted, ct),
        EditorEntity.Block when id <= int.MaxValue => await s.Db.Blocks.SingleOrDefaultAsync(x => x.Id == (int)id, ct),
        EditorEntity.Admin when s.Owners.Ids.Contains(id) => new Admin(id, AdminRole.SuperAdmin, id, DateTime.UnixEpoch), // shown, never saved
        EditorEntity.Admin => await s.Db.Admins.SingleOrDefaultAsync(x => x.UserId == id, ct),
        // An erased person's stand-in is nobody to edit: a name typed onto it would undo the erasure.
        EditorEntity.Client => await s.Db.Clients.SingleOrDefaultAsync(x => x.Id == id && x.ErasedUtc == null, ct),
        EditorEntity.Settings when id == SettingsId => await SettingsAsync(s.Db, ct),
        _ => null,
    };

    /// <summary>One page in a stable order, and whether another follows.</summary>
    public static async Task<EditField.Page> ListAsync(EditorScope s, string entity, int page, TimeZoneInfo zone, DateTime nowUtc, CancellationToken ct)
    {
        var skip = page * EditField.PageSize;
        var take = EditField.PageSize + 1;
        List<EditField.Entry> rows = entity switch
        {
            EditorEntity.Service => await s.Db.Services.AsNoTracking().Where(x => !x.IsDeleted).OrderBy(x => x.DisplayOrder).ThenBy(x => x.Id)
                .Skip(skip).Take(take).Select(x => new EditField.Entry(x.Id, x.Name)).ToListAsync(ct),
            EditorEntity.Block => (await s.Db.Blocks.AsNoTracking().Where(x => x.EndUtc > nowUtc).OrderBy(x => x.StartUtc).ThenBy(x => x.Id)
                .Skip(skip).Take(take).ToListAsync(ct)).Select(b => new EditField.Entry(b.Id, BlockLabel(b, zone))).ToList(),
            EditorEntity.Admin => (await AdminsAsync(s, ct)).Skip(skip).Take(take).ToList(),
            EditorEntity.Client => await s.Db.Clients.AsNoTracking().Where(x => x.ErasedUtc == null).OrderBy(x => x.Id).Skip(skip).Take(take)
                .Select(x => new EditField.Entry(x.Id, x.Username != null ? "@" + x.Username : x.FirstName)).ToListAsync(ct),
            _ => page == 0 ? [new EditField.Entry(SettingsId, string.Empty)] : [],
        };
        return new EditField.Page(rows.Take(EditField.PageSize).ToList(), rows.Count > EditField.PageSize);
    }

    public static string Target(string entity, long id) => entity switch
    {
        EditorEntity.Admin => $"user:{id}",
        EditorEntity.Settings => "settings",
        _ => $"{entity}:{id}",
    };

    /// <summary>What a record is called on the editor's screens.</summary>
    public static string Label(string entity, object record) => record switch
    {
        Service x => x.Name,
        Block x => x.Reason ?? $"#{x.Id}",
        Admin x => x.UserId.ToString(CultureInfo.InvariantCulture),
        Client x => x.DisplayName,
        _ => string.Empty,
    };

    private static async Task<BusinessSettings> SettingsAsync(BookingDb db, CancellationToken ct)
    {
        var settings = await db.Settings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new BusinessSettings();
            db.Settings.Add(settings);
        }

        return settings;
    }

    private static async Task<List<EditField.Entry>> AdminsAsync(EditorScope s, CancellationToken ct)
    {
        var added = await s.Db.Admins.AsNoTracking().OrderBy(a => a.AddedUtc).ThenBy(a => a.UserId).Select(a => a.UserId).ToListAsync(ct);
        var ids = s.Owners.Ids.Order().Concat(added).ToList();
        var names = await s.Db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Name = c.Username != null ? "@" + c.Username : c.FirstName }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return ids.Select(id => new EditField.Entry(id, names.TryGetValue(id, out var n) ? $"{n} · {id}" : id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    private static string BlockLabel(Block b, TimeZoneInfo zone) =>
        LocalTime.ToLocal(b.StartUtc, zone).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture) + (b.Reason is { } r ? " · " + r : string.Empty);
}
