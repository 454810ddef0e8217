namespace ContentMachine.Publishing.Model;

/// <summary>How a publication reaches its platform: through the platform's API, or as a package a person uploads.</summary>
public enum PublishMode
{
    Upload,
    Export,
}
