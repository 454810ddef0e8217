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
    }
}
