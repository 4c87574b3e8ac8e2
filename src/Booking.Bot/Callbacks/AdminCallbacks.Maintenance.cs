using Booking.Core.Domain;

namespace Booking.Bot.Callbacks;

/// <summary>P9: take a backup of the database now (super admins, with the settings).</summary>
public sealed record RunBackup : AdminCallback
{
    public override Permission Required => Permission.ManageSettings;

    public override string Format() => "a:bak";
}
