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

    internal static async Task<Results<Ok<BookingSlots>, RazorComponentResult>> ShowAsync(
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
        if (request.AcceptsMediaType("application/json"))
        {
            var booked = current is null ? null : SlotFormat.ToJson(BookingPage.ToSlot(current));
            var slots = await scheduler.FreeSlotsAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new BookingSlots([.. slots.Select(SlotFormat.ToJson)], zone.Id, booked));
        }

        if (engagement.Stage.IsTerminal())
        {
            return BookingPage.Closed("This engagement has ended, so there is nothing to book.", StatusCodes.Status410Gone);
        }

        if (!reschedule && current is not null)
        {
            return BookingPage.Booked(current, zone, alreadyBooked: false);
        }

        if (reschedule && current is null)
        {
            return BookingPage.Closed("There is no booked session to move. It may have been cancelled.", StatusCodes.Status409Conflict);
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
            _ => BookingPage.Closed("This engagement is no longer open for booking.", StatusCodes.Status409Conflict),
        };

        async Task<RazorComponentResult> PickAgainAsync(string problem, int status)
        {
            var free = await scheduler.FreeSlotsAsync(cancellationToken).ConfigureAwait(false);
            return BookingPage.Picker(token, reschedule, ChemistryScheduler.ActiveSession(engagement), free, zone, problem, status);
        }
    }
}
