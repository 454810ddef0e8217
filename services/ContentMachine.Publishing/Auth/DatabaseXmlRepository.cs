using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ContentMachine.Publishing.Auth;

/// <summary>The Data Protection key ring in publishingdb: keys survive restarts and are shared by replicas, so a token
/// encrypted by one instance is readable by every other.</summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PublishingDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PublishingDbContext>();
        db.DataProtectionKeys.Add(DataProtectionKey.Create(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}
