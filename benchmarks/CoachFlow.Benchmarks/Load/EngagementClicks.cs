using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// Plays a client and the coach through one engagement over HTTP, from the intake to <c>Contracted</c>,
/// as LifecycleDriver does in the tests: invite, book, session held, both reflections yes, accept the
/// agreement. Links come from the emails kept in memory. The one wait the emails cannot tell (the coach's
/// enquiry email goes out just before the workflow starts waiting for triage) reads the stage through a
/// client of its own, so none of the benchmark's own reads is counted as the app's.
/// </summary>
internal sealed class EngagementClicks(HttpClient http, CapturedEmails emails, TableClient engagementsUncounted)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs engagement <paramref name="n"/> to <c>Contracted</c> and until its last email is out; false when a step was refused.</summary>
    public async Task<bool> RunAsync(long n, CancellationToken cancellationToken)
    {
        var client = Intakes.Email(n);
        var id = await Intakes.PostAsync(http, n, cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            return false;
        }

        var invite = await emails.LinkAsync(id, AppUnderLoad.CoachEmail, "Invite to a chemistry session", cancellationToken).ConfigureAwait(false);
        await WaitForStageAsync(id, "AwaitingCoachTriage", cancellationToken).ConfigureAwait(false);
        var ok = await PostAsync(invite, [], cancellationToken).ConfigureAwait(false)
            && await BookAsync(await emails.LinkAsync(id, client, "Choose a time", cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            && await PostAsync(await emails.LinkAsync(id, AppUnderLoad.CoachEmail, "Session held", cancellationToken).ConfigureAwait(false), [], cancellationToken).ConfigureAwait(false)
            && await PostAsync(await emails.LinkAsync(id, client, "Share your reflection", cancellationToken).ConfigureAwait(false), [("decision", "yes"), ("safe", "yes")], cancellationToken).ConfigureAwait(false)
            && await PostAsync(await emails.LinkAsync(id, AppUnderLoad.CoachEmail, "Record your reflection", cancellationToken).ConfigureAwait(false), [("decision", "yes"), ("engaged", "yes")], cancellationToken).ConfigureAwait(false)
            && await PostAsync(await emails.LinkAsync(id, client, "Read and accept the agreement", cancellationToken).ConfigureAwait(false), [("accept", "yes"), ("signature", Intakes.Name(n))], cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            // The coach's "Agreement accepted" email is the workflow's last step.
            await emails.EmailAsync(id, e => e.To == AppUnderLoad.CoachEmail && e.Subject.StartsWith("Agreement accepted", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        emails.Forget(id);
        return ok;
    }

    /// <summary>Picks a free slot at random among the first hundred (clients racing for the first one would mostly lose) until one is booked.</summary>
    private async Task<bool> BookAsync(string link, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, link);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var slots = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false))!["slots"]!.AsArray();
            var start = slots[Random.Shared.Next(Math.Min(100, slots.Count))]!["start"]!.GetValue<string>();
            var utc = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            using var booked = await http.PostAsync(link, Form([("slot", utc)]), cancellationToken).ConfigureAwait(false);
            if (booked.StatusCode == HttpStatusCode.SeeOther)
            {
                return true;
            }

            if (booked.StatusCode != HttpStatusCode.Conflict)
            {
                return false;
            }
        }

        return false;
    }

    private async Task<bool> PostAsync(string link, (string Name, string Value)[] fields, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(link, Form(fields), cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private async Task WaitForStageAsync(string id, string stage, CancellationToken cancellationToken)
    {
        while ((await engagementsUncounted.GetEntityAsync<TableEntity>(id, "engagement", select: ["Stage"], cancellationToken: cancellationToken).ConfigureAwait(false)).Value.GetString("Stage") != stage)
        {
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static FormUrlEncodedContent Form((string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
