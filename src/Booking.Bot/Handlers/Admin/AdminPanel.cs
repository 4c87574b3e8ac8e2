using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Domain;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// The admin panel (/admin): one inline menu listing only the sections the admin's role allows. A section is
/// registered here once with the permission it needs, which is the same one its buttons declare.
/// </summary>
public sealed class AdminPanel(Replies replies, BackupScreen backup)
{
    private sealed record Section(string TextKey, Callback Open, Permission Required);

    // Day-to-day work first, then the catalogue and rules, then people and records; two per row.
    private static readonly Section[] Sections =
    [
        new("admin_panel.schedule_button", ShowSchedule.Today, Permission.ManageBookings),
        new("admin_panel.dashboard_button", new ShowDashboard(Core.Features.Analytics.DashboardPeriod.Week), Permission.ViewDashboard),
        new("admin_panel.mass_button", new MassEditDayPick(null), Permission.ManageBookings),
        new("admin_panel.blocks_button", new AdminBlocks(), Permission.ManageSlots),
        new("admin_panel.services_button", new AdminServices(), Permission.ManageServices),
        new("admin_panel.settings_button", new OpenSettings(), Permission.ManageSettings),
        new("admin_panel.broadcast_button", new StartBroadcast(), Permission.Broadcast),
        new("admin_panel.texts_button", new TextCategories(), Permission.EditTexts),
        new("admin_panel.admins_button", new ListAdmins(), Permission.ManageAdmins),
        new("admin_panel.audit_button", new ShowAudit(0), Permission.ViewAudit),
        new("admin_panel.exports_button", new OpenExports(), Permission.ExportData),
        new("admin_panel.backup_button", new RunBackup(), Permission.ManageSettings),
        new("admin_panel.editor_button", new OpenFieldEditor(), Permission.EditFields),
        new("admin_panel.calendar_button", new OpenCalendarFeed(), Permission.CalendarFeed),
    ];

    public async Task ShowAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var rows = Sections
            .Where(s => Permissions.Allows(ctx.AdminRole, s.Required))
            .Select(s => Keyboards.Button(t[s.TextKey], s.Open))
            .Chunk(2)
            .ToArray();
        var role = t[ctx.AdminRole == AdminRole.SuperAdmin ? "admin_panel.role_super" : "admin_panel.role_moderator"];
        var text = t.Format("admin_panel.title", ("role", role));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows), ct);
    }

    public Task BackupAsync(UpdateContext ctx, CancellationToken ct) => backup.RunAsync(ctx, ct);

    public static InlineKeyboardButton BackButton(Texts.Texts t) => Keyboards.Button(t["admin_panel.back_button"], new OpenAdminPanel());
}
