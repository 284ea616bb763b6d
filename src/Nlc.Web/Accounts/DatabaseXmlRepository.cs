using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Nlc.Storage;

namespace Nlc.Web.Accounts;

/// <summary>Keeps the data-protection key ring in the database, so sign-in cookies survive a restart of the server.</summary>
public sealed class DatabaseXmlRepository(DataProtectionKeyStore keys) : IXmlRepository
{
    // The key ring is read once and then only when a key is due to roll (every 90 days), so waiting here is rare.
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() =>
        keys.AllAsync().GetAwaiter().GetResult().Select(XElement.Parse).ToArray();

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName) =>
        keys.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
