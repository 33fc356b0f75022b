using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary><c>GET/POST /book/{token}</c>: the client's slot picker, for first booking and for rescheduling.</summary>
public static class BookingApi
{
    private static readonly LinkAction[] BookingActions = [LinkAction.BookChemistry, LinkAction.RescheduleChemistry];

    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new("ShowBooking", HttpMethods.Get, "/book/{token}", ShowAsync),
        new("BookChemistry", HttpMethods.Post, "/book/{token}", BookAsync),
    ];

    internal static async Task<Results<Ok<BookingSlots>, ProblemHttpResult, RazorComponentResult>> ShowAsync(
        string token,
        string? tz,
        HttpRequest request,
        SignedLinks links,
        ChemistryScheduler scheduler,
        CancellationToken cancellationToken)
    {
        if (await links.OpenAsync(token, BookingActions, cancellationToken).ConfigureAwait(false) is not (var grant, var engagement))
        {
            return PageResults.InvalidLink();
        }

        var reschedule = grant.Action == LinkAction.RescheduleChemistry;
        var current = ChemistryScheduler.ActiveSession(engagement);
        var zone = BookingPage.ZoneFor(tz, engagement);
        var wantsJson = request.AcceptsMediaType("application/json");
        if (Closed(engagement, reschedule) is { } closed)
        {
            var status = engagement.Stage.IsTerminal() ? StatusCodes.Status410Gone : StatusCodes.Status409Conflict;
            return wantsJson
                ? TypedResults.Problem(statusCode: status, title: "Not open for booking", detail: closed)
                : BookingPage.Closed(closed, status);
        }

        if (wantsJson)
        {
            var booked = current is null ? null : SlotFormat.ToJson(BookingPage.ToSlot(current));
            var slots = await scheduler.FreeSlotsAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new BookingSlots([.. slots.Select(SlotFormat.ToJson)], zone.Id, booked));
        }

        if (!reschedule && current is not null)
        {
            return BookingPage.Booked(current, zone, alreadyBooked: false);
        }

        var free = await scheduler.FreeSlotsAsync(cancellationToken).ConfigureAwait(false);
        return BookingPage.Picker(token, reschedule, current, free, zone);
    }

    internal static async Task<Results<SeeOtherResult, RazorComponentResult>> BookAsync(
        string token,
        HttpRequest request,
        SignedLinks links,
        ChemistryScheduler scheduler,
        DurableTaskClient workflows,
        IOptions<CoachFlowOptions> options,
        CancellationToken cancellationToken)
    {
        var coach = options.Value.Coach;
        if (await links.OpenAsync(token, BookingActions, cancellationToken).ConfigureAwait(false) is not (var grant, var engagement))
        {
            return PageResults.InvalidLink();
        }

        var reschedule = grant.Action == LinkAction.RescheduleChemistry;
        var zone = BookingPage.ZoneFor(null, engagement);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        if (!SlotFormat.TryParseStart(form?["slot"].ToString(), out var start))
        {
            return await PickAgainAsync("Please choose one of the times below.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
        }

        var slot = new Slot(start, start + Duration.FromTimeSpan(coach.ChemistryLength));
        var result = await scheduler.BookAsync(engagement.Id, slot, reschedule, workflows, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            BookingStatus.Booked or BookingStatus.Rescheduled => new SeeOtherResult($"/book/{token}"),
            BookingStatus.AlreadyBooked => BookingPage.Booked(result.Engagement!.Chemistry!, zone, alreadyBooked: true),
            BookingStatus.Taken => await PickAgainAsync("Sorry, someone has just taken that time. Please choose another.", StatusCodes.Status409Conflict).ConfigureAwait(false),
            BookingStatus.TooLate => await PickAgainAsync("That time is now too close to book. Please choose another.", StatusCodes.Status409Conflict).ConfigureAwait(false),
            BookingStatus.NotOffered => await PickAgainAsync("That is not a time we offer. Please choose one of the times below.", StatusCodes.Status400BadRequest).ConfigureAwait(false),
            BookingStatus.NotFound => PageResults.InvalidLink(),
            _ => BookingPage.Closed(Closed(result.Engagement ?? engagement, reschedule) ?? "This engagement is no longer open for booking.", StatusCodes.Status409Conflict),
        };

        async Task<RazorComponentResult> PickAgainAsync(string problem, int status)
        {
            var free = await scheduler.FreeSlotsAsync(cancellationToken).ConfigureAwait(false);
            return BookingPage.Picker(token, reschedule, ChemistryScheduler.ActiveSession(engagement), free, zone, problem, status);
        }
    }

    /// <summary>Why this link can no longer book or move a session, in words for the client; null while it can.</summary>
    private static string? Closed(Engagement engagement, bool reschedule)
    {
        if (engagement.Stage.IsTerminal())
        {
            return "This engagement has ended, so it is no longer open for booking.";
        }

        if (ChemistryScheduler.OpenFor(engagement, reschedule))
        {
            return null;
        }

        return reschedule && ChemistryScheduler.ActiveSession(engagement) is null
            ? "There is no booked session to move. It may have been cancelled."
            : "The chemistry session has taken place, so this engagement is no longer open for booking.";
    }
}
