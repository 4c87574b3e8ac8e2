using System.Globalization;
using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A1: the list of admins, adding one by Telegram id, changing a role, removing; the person is told.</summary>
public sealed class AdminsScreens(Replies replies, AdminTeam admins, IConversationStore conversations)
{
    public sealed record AddDraft(int MessageId)
    {
        public const string Flow = "admin-add";
    }

    public async Task ListAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        var t = ctx.Texts;
        var list = await admins.ListAsync(ct);
        var lines = list.Select(a => t.Format(a.IsOwner ? "admins.owner_line" : a.Role == AdminRole.SuperAdmin ? "admins.super_line" : "admins.moderator_line",
            ("name", a.Name ?? "—"), ("id", a.UserId)));
        var rows = list.Where(a => !a.IsOwner)
            .Select(a => new[] { Keyboards.Button(t.Format("admins.open_button", ("name", a.Name ?? a.UserId.ToString(CultureInfo.InvariantCulture))), new ViewAdmin(a.UserId)) })
            .Append([Keyboards.Button(t["admins.add_button"], new StartAddAdmin()), AdminPanel.BackButton(t)])
            .ToArray();
        var text = BookingWizard.Lines(notice, t["admins.title"] + "\n\n" + string.Join("\n", lines));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows), ct);
    }

    public async Task ViewAsync(UpdateContext ctx, long userId, CancellationToken ct)
    {
        var t = ctx.Texts;
        var admin = (await admins.ListAsync(ct)).FirstOrDefault(a => a.UserId == userId && !a.IsOwner);
        if (admin is null)
        {
            await ListAsync(ctx, t["admins.not_found"], ct);
            return;
        }

        var other = admin.Role == AdminRole.SuperAdmin ? AdminRole.Moderator : AdminRole.SuperAdmin;
        var text = t.Format("admins.card", ("name", admin.Name ?? "—"), ("id", admin.UserId), ("role", RoleName(t, admin.Role)));
        var markup = Keyboards.Rows(
            [Keyboards.Button(t.Format("admins.make_button", ("role", RoleName(t, other))), new SetAdminRole(userId, other))],
            [Keyboards.Button(t["admins.remove_button"], new AskRemoveAdmin(userId))],
            [Keyboards.Button(t["admins.back_button"], new ListAdmins())]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
    }

    public async Task SetRoleAsync(UpdateContext ctx, SetAdminRole change, CancellationToken ct)
    {
        var outcome = await admins.ChangeRoleAsync(ctx.ChatId, change.UserId, change.Role, ct);
        await ListAsync(ctx, Notice(ctx.Texts, outcome), ct);
    }

    public async Task AskRemoveAsync(UpdateContext ctx, long userId, CancellationToken ct)
    {
        var t = ctx.Texts;
        var markup = Keyboards.Rows([Keyboards.Button(t["admins.remove_yes_button"], new RemoveAdmin(userId)), Keyboards.Button(t["admins.back_button"], new ViewAdmin(userId))]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format("admins.remove_ask", ("id", userId)), markup, ct);
    }

    public async Task RemoveAsync(UpdateContext ctx, long userId, CancellationToken ct)
    {
        var outcome = await admins.RemoveAsync(ctx.ChatId, userId, ct);
        await ListAsync(ctx, Notice(ctx.Texts, outcome), ct);
    }

    public async Task StartAddAsync(UpdateContext ctx, CancellationToken ct)
    {
        var markup = Keyboards.Rows([Keyboards.Button(ctx.Texts["admins.back_button"], new ListAdmins())]);
        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, ctx.Texts["admins.add_prompt"], markup, ct);
        await conversations.SetAsync(ctx.ChatId, AddDraft.Flow, new AddDraft(messageId), ct);
    }

    /// <summary>The typed id of the admin to add; false when no add is waiting.</summary>
    public async Task<bool> TryTypedIdAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<AddDraft>(ctx.ChatId, AddDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        var t = ctx.Texts;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0)
        {
            await replies.SendAsync(ctx.ChatId, t["admins.add_bad_id"], null, ct);
            return true;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["admins.role_moderator"], new AddAdmin(userId, AdminRole.Moderator)), Keyboards.Button(t["admins.role_super"], new AddAdmin(userId, AdminRole.SuperAdmin))],
            [Keyboards.Button(t["admins.back_button"], new ListAdmins())]);
        await replies.SendAsync(ctx.ChatId, t.Format("admins.add_pick_role", ("id", userId)), markup, ct);
        return true;
    }

    public async Task AddAsync(UpdateContext ctx, AddAdmin add, CancellationToken ct)
    {
        var outcome = await admins.AddAsync(ctx.ChatId, add.UserId, add.Role, ct);
        await ListAsync(ctx, Notice(ctx.Texts, outcome), ct);
    }

    private static string Notice(Texts.Texts t, ManageAdmins.Outcome outcome) => t[AdminTeam.NoticeKey(outcome)];

    private static string RoleName(Texts.Texts t, AdminRole role) => AdminTeam.RoleName(t, role);
}
