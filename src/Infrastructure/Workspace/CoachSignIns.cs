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
/// second use, even a racing one, finds it taken. A stored nonce is needed only while its link's signature is
/// unexpired (the signer refuses it after that), so each use deletes a bounded batch of expired ones.
/// </summary>
public sealed class CoachSignIns(LinkSigner signer, CoachFlowTables tables, EmailTemplates templates, IEmailSender email, IOptions<CoachFlowOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The most expired nonces one use deletes: one sign-in adds one, so this keeps up and keeps a sign-in quick.</summary>
    public const int PruneBatch = 100;

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

        // Before the insert: a storage failure here leaves the link unused, so pressing the button again works.
        await PruneExpiredAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Deletes up to <see cref="PruneBatch"/> nonces whose links have expired. Safe because a nonce outlives its use
    /// only to refuse a second one, and an expired link is refused by its signature before its nonce is looked up.
    /// </summary>
    private async Task PruneExpiredAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ExpiresAt lt {clock.GetUtcNow()}");
        var expired = Table.QueryAsync<TableEntity>(filter, maxPerPage: PruneBatch, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        await foreach (var row in expired.Take(PruneBatch).ConfigureAwait(false))
        {
            // Another instance pruning the same row is fine: deleting a missing entity succeeds.
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    private TableClient Table => tables.Get(TableName.CoachSignIns);
}
