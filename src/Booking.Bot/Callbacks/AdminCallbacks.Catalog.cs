using Booking.Core.Domain;

namespace Booking.Bot.Callbacks;

// A4 services and A6 blocked time: the buttons of those admin sections.
/// <summary>A4: the list of services, active and hidden.</summary>
public sealed record AdminServices : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => "a:sv";
}

public sealed record AdminService(int ServiceId) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:sv:{ServiceId}";
}

public sealed record NewServiceStart : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => "a:svn";
}

/// <summary>Starts editing one field: n name, d description, m minutes, p price, i slot interval.</summary>
public sealed record ServiceFieldEdit(int ServiceId, char Field) : AdminCallback
{
    /// <summary>Name, description, minutes, price, interval — the steps of a new service — and the deposit (X3), edited later.</summary>
    public const string Fields = "ndmpiz";

    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:sve:{ServiceId}:{Field}";
}

/// <summary>A duration button: an answer to the service wizard's current question.</summary>
public sealed record ServiceDurationPick(int Minutes) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:swd:{Minutes}";
}

/// <summary>A slot interval button for the service wizard; 0 follows the global interval.</summary>
public sealed record ServiceIntervalPick(int Minutes) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:swi:{Minutes}";
}

public sealed record ServiceDescriptionSkip : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => "a:sws";
}

/// <summary>Shows a hidden service or hides a shown one.</summary>
public sealed record ServiceToggle(int ServiceId) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:svt:{ServiceId}";
}

public sealed record ServiceMove(int ServiceId, bool Up) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:svm:{ServiceId}:{(Up ? "u" : "d")}";
}

public sealed record ServiceDeleteAsk(int ServiceId) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:svx:{ServiceId}";
}

public sealed record ServiceDeleteConfirm(int ServiceId) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:svxy:{ServiceId}";
}

/// <summary>A6: upcoming blocks, with buttons to add and remove them.</summary>
public sealed record AdminBlocks : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => "a:bl";
}

/// <summary>Starts blocking: s a slot (date, time, length), d a whole day, r a date range.</summary>
public sealed record BlockStart(char Kind) : AdminCallback
{
    public const string Kinds = "sdr";

    public override Permission Required => Permission.ManageSlots;

    public override string Format() => $"a:bln:{Kind}";
}

public sealed record BlockLengthPick(int Minutes) : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => $"a:blm:{Minutes}";
}

public sealed record BlockReasonSkip : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => "a:blr";
}

/// <summary>Applies the block drafted in the conversation; a repeated tap finds no draft and changes nothing.</summary>
public sealed record BlockConfirm : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => "a:bly";
}

public sealed record BlockRemove(int BlockId) : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => $"a:blu:{BlockId}";
}
