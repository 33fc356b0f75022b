using Azure.Data.Tables;
using CoachFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Storage;

/// <summary>Hands out the table clients, with the configured prefix applied to every name.</summary>
public sealed class CoachFlowTables(TableServiceClient service, IOptions<CoachFlowOptions> options)
{
    private readonly string _prefix = options.Value.Storage.TablePrefix;

    public TableClient Get(string name) => service.GetTableClient(_prefix + name);

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TableName.All)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
