using FluentValidation;

namespace ContentMachine.Publishing.Apis;

public sealed class RequestPublicationRequestValidator : AbstractValidator<RequestPublicationRequest>
{
    private static readonly string Platforms = string.Join(", ", Enum.GetNames<Platform>().Select(n => n.ToLowerInvariant()));

    public RequestPublicationRequestValidator()
    {
        RuleFor(r => r.ProjectId).NotEmpty().WithMessage("The projectId is required.");
        RuleFor(r => r.Platform).Must((request, _) => request.ParsePlatform() is not null)
            .WithMessage($"The platform must be one of: {Platforms}.");
        RuleFor(r => r.Title).MaximumLength(500);
        RuleFor(r => r.Description).MaximumLength(20000);
        RuleFor(r => r.Hashtags).Must(h => h is null || h.Count <= 100).WithMessage("At most 100 hashtags.");
        RuleFor(r => r.VideoKey).Must(k => k is null || (k.Length <= 1024 && !k.Contains("..") && !k.StartsWith('/')))
            .WithMessage("The videoKey must be a storage key (no leading '/', no '..').");
    }
}
