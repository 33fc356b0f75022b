using System.Net;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>
/// The coach's passwordless sign-in: a signed link naming a random nonce, emailed to the configured coach address
/// only, valid for <see cref="LinkLifetime"/> and usable once. Using it stores the nonce (insert-if-absent), so a
/// second use, even a racing one, finds it taken.
/// </summary>
public sealed class CoachSignIns(LinkSigner signer, CoachFlowTables tables, EmailTemplates templates, IEmailSender email, IOptions<CoachFlowOptions> options)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    private const string Partition = "sign-in";

    /// <summary>
    /// Emails a sign-in link when <paramref name="address"/> is the coach's; any other address gets nothing, and the
    /// caller answers the same either way.
    /// </summary>
    public async Task RequestAsync(string? address, CancellationToken cancellationToken)
    {
        var coach = options.Value.Coach;
        if (!string.Equals(address?.Trim(), coach.Email, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var token = signer.IssueSignIn(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), LinkLifetime);
        var url = new Uri($"{options.Value.PublicBaseUrl.TrimEnd('/')}/coach/sign-in/{token}");
        var rendered = await templates.RenderAsync("coach-sign-in", new SignInEmailModel(coach, url, (int)LinkLifetime.TotalMinutes)).ConfigureAwait(false);
        await email.SendAsync(new EmailMessage(coach.Email, rendered.Subject, rendered.Text, rendered.Html, [new EmailLink("Sign in", url)], []), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="token"/> is a valid sign-in link that has not been used. Changes nothing.</summary>
    public async Task<bool> IsUsableAsync(string token, CancellationToken cancellationToken)
    {
        if (await signer.ValidateSignInAsync(token).ConfigureAwait(false) is not (var nonce, _))
        {
            return false;
        }

        var used = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, nonce, cancellationToken: cancellationToken).ConfigureAwait(false);
        return !used.HasValue;
    }

    /// <summary>Uses <paramref name="token"/>: true exactly once for a valid link, false for a forged, expired or used one.</summary>
    public async Task<bool> TryUseAsync(string token, CancellationToken cancellationToken)
    {
        if (await signer.ValidateSignInAsync(token).ConfigureAwait(false) is not (var nonce, var expiresAt))
        {
            return false;
        }

        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition, nonce) { ["ExpiresAt"] = expiresAt }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private TableClient Table => tables.Get(TableName.CoachSignIns);
}
