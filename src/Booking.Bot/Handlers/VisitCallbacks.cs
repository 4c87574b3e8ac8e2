using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Reviews;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers;

/// <summary>The client's side of a visit: "I'll come" on the reminder (X5), then stars and a comment (C9).</summary>
public sealed class VisitCallbacks(
    Replies replies, IConversationStore conversations, ConfirmAttendance.Handler attendance, SubmitReview.Handler reviews,
    AddReviewComment.Handler comments, AdminNotifier admins)
{
    /// <param name="AgainServiceId">The visit's service while it can be booked: the thanks offer to book it again.</param>
    public sealed record ReviewDraft(int ReviewId, int MessageId, int? AgainServiceId = null)
    {
        public const string Flow = "review";
    }

    public async Task ConfirmVisitAsync(UpdateContext ctx, ConfirmVisit visit, CancellationToken ct)
    {
        var result = await attendance.HandleAsync(ctx.ChatId, visit.BookingId, ct);
        if (result.Outcome == ConfirmAttendance.Outcome.NotFound)
        {
            ctx.Reply.Toast(ctx.Texts["cancel_booking.not_found"]);
            await RemoveButtonsAsync(ctx, ct);
            return;
        }

        var original = ctx.Query?.Message?.Text ?? string.Empty;
        var thanks = ctx.Texts["reminder.coming_thanks"];
        ctx.Reply.Toast(thanks);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, Texts.Texts.Fill("{original}\n\n{thanks}", [("original", original), ("thanks", thanks)]), null, ct);
        if (result.Outcome == ConfirmAttendance.Outcome.Confirmed)
        {
            var b = result.Booking!;
            await admins.NotifyAsync("admin.attendance_confirmed", ctx.Client, b.Service?.Name, b.StartUtc, null, ct);
        }
    }

    public async Task RateVisitAsync(UpdateContext ctx, RateVisit rate, CancellationToken ct)
    {
        var t = ctx.Texts;
        var result = await reviews.HandleAsync(ctx.ChatId, rate.BookingId, rate.Stars, ct);
        switch (result.Outcome)
        {
            case SubmitReview.Outcome.Saved:
                var review = result.Review!;
                var text = t.Format("review.thanks_rating", ("stars", Stars(review.Rating)));
                var markup = Keyboards.Rows([Keyboards.Button(t["review.skip_comment_button"], new FinishReview())]);
                var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
                var again = result.Booking?.Service is { IsBookable: true } service ? service.Id : (int?)null;
                await conversations.SetAsync(ctx.ChatId, ReviewDraft.Flow, new ReviewDraft(review.Id, messageId, again), ct);
                if (review.IsLow)
                {
                    var b = result.Booking!;
                    await admins.NotifyAsync("admin.low_rating", ctx.Client, b.Service?.Name, b.StartUtc, null, ct, ("stars", Stars(review.Rating)));
                }

                break;
            case SubmitReview.Outcome.AlreadyReviewed:
                ctx.Reply.Toast(t["review.already"]);
                await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format("review.done", ("stars", Stars(result.Review!.Rating))), null, ct);
                break;
            case SubmitReview.Outcome.NotYet:
                ctx.Reply.Toast(t["review.not_yet"]);
                break;
            default:
                ctx.Reply.Toast(t["cancel_booking.not_found"]);
                await RemoveButtonsAsync(ctx, ct);
                break;
        }
    }

    public async Task FinishReviewAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<ReviewDraft>(ctx.ChatId, ReviewDraft.Flow, ct);
        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, ctx.Texts["review.thanks"], BookAgain(ctx, draft), ct);
    }

    /// <summary>Typed text while a review waits for its comment. False when no review is waiting.</summary>
    public async Task<bool> TryCommentAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<ReviewDraft>(ctx.ChatId, ReviewDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        var result = await comments.HandleAsync(ctx.ChatId, draft.ReviewId, text, ct);
        await conversations.ClearAsync(ctx.ChatId, ct);
        if (result is null)
        {
            return false;
        }

        await replies.RemoveButtonsAsync(ctx.ChatId, draft.MessageId, ct);
        await replies.SendAsync(ctx.ChatId, ctx.Texts["review.thanks"], (ReplyMarkup?)BookAgain(ctx, draft) ?? Keyboards.MainMenu(ctx), ct);
        if (result.Review.IsLow)
        {
            var b = result.Booking;
            await admins.NotifyAsync("admin.low_rating_comment", ctx.Client, b.Service?.Name, b.StartUtc, null, ct,
                ("stars", Stars(result.Review.Rating)), ("comment", result.Review.Comment));
        }

        return true;
    }

    /// <summary>"🔁 Book again" under the thanks: the first step of booking the same service, in place.</summary>
    private static InlineKeyboardMarkup? BookAgain(UpdateContext ctx, ReviewDraft? draft) =>
        draft?.AgainServiceId is { } serviceId ? Keyboards.Rows([Keyboards.Button(ctx.Texts["review.again_button"], new PickService(serviceId))]) : null;

    public static string Stars(int rating) => string.Concat(Enumerable.Repeat("⭐", rating));

    private Task RemoveButtonsAsync(UpdateContext ctx, CancellationToken ct) =>
        ctx.SourceMessageId is { } id ? replies.RemoveButtonsAsync(ctx.ChatId, id, ct) : Task.CompletedTask;
}
