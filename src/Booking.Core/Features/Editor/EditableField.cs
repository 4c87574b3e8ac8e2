using System.Globalization;
using Booking.Core.Data;
using Booking.Core.Features.Admins;

namespace Booking.Core.Features.Editor;

/// <summary>Reads what an admin typed into a typed value; false when it breaks the field's rules.</summary>
public delegate bool FieldParser<T>(string text, out T value);

/// <summary>What a guard needs to look beyond the record: other rows (the last super admin) and the owners.</summary>
public sealed record EditorScope(BookingDb Db, Owners Owners);

/// <summary>
/// One whitelisted field: where it lives, its short code for buttons, its name for the audit log, its rule for
/// the admin to read, and how it is parsed, read and written. <see cref="Guard"/> refuses a valid value when other
/// rows forbid it.
/// </summary>
public sealed record EditableField(
    string Entity, string Code, string Name, FieldRule Rule, FieldParser<object?> Parse, Func<object, object?> Read, Action<object, object?> Write)
{
    public Func<EditorScope, object, object?, CancellationToken, Task<EditField.Outcome?>>? Guard { get; init; }

    /// <summary>"field.service.name": every change through the editor is audited under this action.</summary>
    public string Action => $"field.{Entity}.{Name}";
}

/// <summary>The record types the editor reaches; the codes are short because they travel in callback data.</summary>
public static class EditorEntity
{
    public const string Service = "service";
    public const string Block = "block";
    public const string Admin = "admin";
    public const string Client = "client";
    public const string Settings = "settings";

    public static IReadOnlyList<string> All { get; } = [Service, Block, Admin, Client, Settings];

    public static string Code(string entity) => entity switch
    {
        Service => "s",
        Block => "b",
        Admin => "a",
        Client => "c",
        _ => "g",
    };

    public static string? FromCode(string code) => All.FirstOrDefault(e => Code(e) == code);
}

public enum FieldKind
{
    Text = 0,
    Number = 1,
    OneOf = 2,
    Money = 3,
    Phone = 4,
    Flag = 5,

    /// <summary>A business setting: its own question in the settings section says what is allowed.</summary>
    Setting = 6,
}

/// <summary>What values a field accepts, for the admin to read before typing: a kind, a range or choices, and whether "-" clears it.</summary>
public sealed record FieldRule(FieldKind Kind, decimal Min = 0, decimal Max = 0, IReadOnlyList<string>? Choices = null, bool CanClear = false)
{
    /// <summary>What an admin types to empty a field that may be empty.</summary>
    public const string Clear = "-";

    public static FieldRule Text(int min, int max, bool canClear = false) => new(FieldKind.Text, min, max, CanClear: canClear);

    public static FieldRule Number(int min, int max) => new(FieldKind.Number, min, max);

    public static FieldRule OneOf(IEnumerable<string> choices, bool canClear = false) => new(FieldKind.OneOf, Choices: choices.ToList(), CanClear: canClear);

    public static bool IsClear(string s) => s is Clear or "—" or "–";
}

/// <summary>A service's price with its currency, which change together.</summary>
public sealed record Price(decimal Amount, string Currency)
{
    public static bool TryRead(string text, out Price price)
    {
        var ok = Services.ServiceInput.TryPrice(text, out var amount, out var currency);
        price = new Price(amount, currency);
        return ok;
    }

    public override string ToString() => Amount.ToString("0.##", CultureInfo.InvariantCulture) + " " + Currency;
}
