namespace ContentMachine.Publishing.Model;

public enum Platform
{
    Youtube,
    Tiktok,
    Instagram,
}
