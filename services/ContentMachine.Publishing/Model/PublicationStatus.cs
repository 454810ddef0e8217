namespace ContentMachine.Publishing.Model;

public enum PublicationStatus
{
    Pending,
    Scheduled,
    Uploading,
    Published,
    Exported,
    Failed,
}
