using System.Xml.Linq;
using Azure.Data.Tables;
using CoachFlow.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>
/// ASP.NET Core Data Protection's key ring in the <c>DataProtectionKeys</c> table, so every instance of the app (a
/// scaled-out Functions app, local hosts sharing storage) and every restart reads the same keys: a session cookie or
/// a form token issued by one instance is honoured by the next. The keys are as protected as the storage account.
/// </summary>
public sealed class TableXmlRepository(CoachFlowTables tables) : IXmlRepository
{
    private const string Partition = "keys";

    private bool _created;

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")).Select(row => XElement.Parse(row.GetString("Xml")))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Table.AddEntity(new TableEntity(Partition, friendlyName) { ["Xml"] = element.ToString(SaveOptions.DisableFormatting) });
    }

    /// <summary>
    /// The table, created if missing: Data Protection reads its key ring as the host starts, possibly before
    /// <see cref="TableInitializer"/> has created the tables.
    /// </summary>
    private TableClient Table
    {
        get
        {
            var table = tables.Get(TableName.DataProtectionKeys);
            if (!_created)
            {
                table.CreateIfNotExists();
                _created = true;
            }

            return table;
        }
    }
}
