using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Services;
using Booking.Core.Features.Settings;

namespace Booking.Core.Features.Editor;

/// <summary>
/// A9: the whitelist of fields the universal editor may change, one line each. Every field reads what an admin
/// types with the parser its own feature already uses, and writes through the entity's own methods; a field not
/// listed here cannot be edited, whatever a button claims.
/// </summary>
public static class EditableFields
{
    public static IReadOnlyList<EditableField> All { get; } =
    [
        Field<Service, string>(EditorEntity.Service, "n", "name", FieldRule.Text(1, Service.MaxNameLength),
            ServiceInput.TryName, s => s.Name, (s, v) => s.Rename(v)),
        Field<Service, string?>(EditorEntity.Service, "d", "description", FieldRule.Text(1, Service.MaxDescriptionLength, canClear: true),
            ServiceInput.TryDescription, s => s.Description, (s, v) => s.Describe(v)),
        Field<Service, int>(EditorEntity.Service, "m", "duration", FieldRule.Number(Service.MinDurationMinutes, Service.MaxDurationMinutes),
            ServiceInput.TryDuration, s => s.DurationMinutes, (s, v) => s.ChangeDuration(v)),
        Field<Service, Price>(EditorEntity.Service, "p", "price", new FieldRule(FieldKind.Money, 0, Service.MaxPrice),
            Price.TryRead, s => new Price(s.Price, s.Currency), (s, v) => s.ChangePrice(v.Amount, v.Currency)),
        Field<Service, int?>(EditorEntity.Service, "i", "slot_interval", FieldRule.OneOf(Service.SlotIntervals.Select(Invariant), canClear: true),
            TrySlotInterval, s => s.SlotIntervalMinutes, (s, v) => s.UseSlotInterval(v)),
        Field<Service, bool>(EditorEntity.Service, "a", "active", new FieldRule(FieldKind.Flag),
            TryFlag, s => s.IsActive, SetActive),
        Field<Block, string?>(EditorEntity.Block, "r", "reason", FieldRule.Text(1, Block.MaxReasonLength, canClear: true),
            TryReason, b => b.Reason, (b, v) => b.ChangeReason(v)),
        Field<Admin, string>(EditorEntity.Admin, "r", "role", FieldRule.OneOf(AdminRoles.Names),
            AdminRoles.TryRead, a => AdminRoles.Name(a.Role), (a, v) => a.ChangeRole(AdminRoles.Parse(v))) with { Guard = AdminRoles.GuardAsync },
        Field<Client, string>(EditorEntity.Client, "n", "first_name", FieldRule.Text(1, Client.MaxFirstNameLength),
            TryFirstName, c => c.FirstName, (c, v) => c.Rename(v)),
        Field<Client, string?>(EditorEntity.Client, "p", "phone", new FieldRule(FieldKind.Phone, Client.MinPhoneLength, Client.MaxPhoneLength, CanClear: true),
            TryPhone, c => c.Phone, (c, v) => c.ChangePhone(v)),
        Field<Client, string>(EditorEntity.Client, "l", "language", FieldRule.OneOf(Languages.All),
            TryLanguage, c => c.Language, (c, v) => c.ChooseLanguage(v)),
        .. SettingFields.All.Select(SettingsField),
    ];

    /// <summary>The field with this code on this entity, or null: anything else is refused.</summary>
    public static EditableField? Find(string entity, string code) =>
        All.FirstOrDefault(f => f.Entity == entity && f.Code == code);

    public static IEnumerable<EditableField> Of(string entity) => All.Where(f => f.Entity == entity);

    /// <summary>Each setting keeps the rules, the reader and the writer of the settings section (A5).</summary>
    private static EditableField SettingsField(SettingField field) => Field<BusinessSettings, object?>(
        EditorEntity.Settings, ((int)field).ToString(CultureInfo.InvariantCulture), SettingFields.Name(field), new FieldRule(FieldKind.Setting),
        (string text, out object? value) => SettingInput.TryRead(field, text, out value),
        s => ChangeSetting.Read(s, field), (s, v) => ChangeSetting.Write(s, field, v));

    private static EditableField Field<TRecord, TValue>(
        string entity, string code, string name, FieldRule rule, FieldParser<TValue> parse, Func<TRecord, TValue> read, Action<TRecord, TValue> write)
        where TRecord : class =>
        new(entity, code, name, rule,
            (string text, out object? value) =>
            {
                var ok = parse(text, out var typed);
                value = typed;
                return ok;
            },
            record => read((TRecord)record),
            (record, value) => write((TRecord)record, (TValue)value!));

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static bool TrySlotInterval(string text, out int? minutes)
    {
        minutes = null;
        var s = text.Trim();
        if (FieldRule.IsClear(s))
        {
            return true;
        }

        minutes = int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : -1;
        return Service.IsValidSlotInterval(minutes);
    }

    private static bool TryFlag(string text, out bool value)
    {
        var s = text.Trim().ToLowerInvariant();
        value = s is "yes" or "да" or "1" or "on" or "true";
        return value || s is "no" or "нет" or "0" or "off" or "false";
    }

    private static void SetActive(Service service, bool active)
    {
        if (active)
        {
            service.Activate();
        }
        else
        {
            service.Deactivate();
        }
    }

    private static bool TryReason(string text, out string? value)
    {
        var s = text.Trim();
        value = FieldRule.IsClear(s) ? null : s;
        return value is null || (value.Length > 0 && Block.IsValidReason(value));
    }

    private static bool TryFirstName(string text, out string name)
    {
        name = text.Trim();
        return Client.IsValidFirstName(name);
    }

    private static bool TryPhone(string text, out string? phone)
    {
        var s = text.Trim();
        phone = FieldRule.IsClear(s) ? null : s;
        return Client.IsValidPhone(phone);
    }

    private static bool TryLanguage(string text, out string language)
    {
        language = text.Trim().ToLowerInvariant();
        return Languages.All.Contains(language);
    }
}
