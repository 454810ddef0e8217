using FluentValidation;

namespace ContentMachine.Projects.Apis.Validation;

public sealed class PublishProjectRequestValidator : AbstractValidator<PublishProjectRequest>
{
    public PublishProjectRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Platforms).Must(p => p is { Count: > 0 } && ProjectOptionsValidator.BeKnownPlatforms(p))
            .WithMessage($"Name at least one platform, each once, of: {string.Join(", ", Contracts.Platforms.All)}.");
        RuleFor(r => r.PublishAt)
            .Must(at => at > clock.GetUtcNow() && at < clock.GetUtcNow() + ProjectOptionsValidator.MaxScheduleAhead)
            .When(r => r.PublishAt is not null)
            .WithMessage("publishAt must be in the future (and within a year).");
    }
}
