using Azure.Data.Tables;

namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// The local physical limit: one Azure.Data.Tables insert per request, of a row the size of an
/// engagement's, through one shared client, as the app's store does it.
/// </summary>
internal sealed class RawInserts(TableClient table)
{
    public static async Task<RawInserts> CreateAsync(string connectionString)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("RawInserts");
        await table.CreateIfNotExistsAsync();
        return new RawInserts(table);
    }

    public async Task<bool> InsertAsync(long n)
    {
        var row = new TableEntity(Guid.NewGuid().ToString("N"), "engagement")
        {
            ["Stage"] = "Received",
            ["CreatedAt"] = DateTimeOffset.UtcNow,
            ["UpdatedAt"] = DateTimeOffset.UtcNow,
            ["Name"] = Intakes.Name(n),
            ["Email"] = Intakes.Email(n),
            ["TimeZone"] = "America/Los_Angeles",
            ["Goals"] = "I want to lead my team through a reorganisation without burning out.",
            ["FocusAreas"] = "[\"Communication\",\"Reactions under stress\"]",
            ["SeeingMentalHealthProfessional"] = "No",
            ["HeardFrom"] = "A colleague",
        };
        var response = await table.AddEntityAsync(row);
        return !response.IsError;
    }
}
