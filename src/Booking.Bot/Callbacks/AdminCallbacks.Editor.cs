using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Editor;
using static Booking.Bot.Callbacks.CallbackFields;

namespace Booking.Bot.Callbacks;

/// <summary>
/// A9: the buttons of the universal field editor ("a:fe…"). All need <see cref="Permission.EditFields"/> (super
/// admins). Entities and fields travel as short codes; a field code not on the whitelist does not parse, and the
/// core checks it again on every save.
/// </summary>
public abstract record EditorCallback : AdminCallback
{
    public sealed override Permission Required => Permission.EditFields;

    internal static new EditorCallback? Parse(string[] parts) => parts switch
    {
        ["a", "fe"] => new OpenFieldEditor(),
        ["a", "fel", var e, var p] when Entity(e) is { } entity && Page(p) is { } page => new EditorRecords(entity, page),
        ["a", "fer", var e, var id] when Entity(e) is { } entity && Id(id) is { } r => new EditorRecord(entity, r),
        ["a", "fef", var e, var id, var f] when Entity(e) is { } entity && Id(id) is { } r && EditableFields.Find(entity, f) is not null =>
            new EditorField(entity, r, f),
        ["a", "fey", var e, var id, var f] when Entity(e) is { } entity && Id(id) is { } r && EditableFields.Find(entity, f) is not null =>
            new EditorSave(entity, r, f),
        _ => null,
    };

    internal static string Code(string entity) => EditorEntity.Code(entity);

    private static string? Entity(string code) => EditorEntity.FromCode(code);

    /// <summary>Record ids: Telegram user ids for admins and clients, 0 for the settings row.</summary>
    private static long? Id(string s) =>
        s.Length <= 19 && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>The editor's first screen: which kind of record to edit.</summary>
public sealed record OpenFieldEditor : EditorCallback
{
    public override string Format() => "a:fe";
}

/// <summary>A page of records of one entity.</summary>
public sealed record EditorRecords(string Entity, int Page) : EditorCallback
{
    public override string Format() => $"a:fel:{Code(Entity)}:{Page}";
}

/// <summary>One record with a button per whitelisted field.</summary>
public sealed record EditorRecord(string Entity, long RecordId) : EditorCallback
{
    public override string Format() => $"a:fer:{Code(Entity)}:{RecordId}";
}

/// <summary>Shows a field's value and rule, and waits for the new value to be typed.</summary>
public sealed record EditorField(string Entity, long RecordId, string Field) : EditorCallback
{
    public override string Format() => $"a:fef:{Code(Entity)}:{RecordId}:{Field}";
}

/// <summary>Saves the value typed for this very field, checked again by the core.</summary>
public sealed record EditorSave(string Entity, long RecordId, string Field) : EditorCallback
{
    public override string Format() => $"a:fey:{Code(Entity)}:{RecordId}:{Field}";
}
