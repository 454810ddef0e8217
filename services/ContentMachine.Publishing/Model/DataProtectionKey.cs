namespace ContentMachine.Publishing.Model;

/// <summary>A Data Protection key ring element (XML), kept in publishingdb so every replica and restart decrypts the tokens.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; private set; }
    public string FriendlyName { get; private set; } = "";
    public string Xml { get; private set; } = "";

    public static DataProtectionKey Create(string friendlyName, string xml) => new() { FriendlyName = friendlyName, Xml = xml };
}
