using FluentValidation;

namespace ContentMachine.Projects.Apis;

public sealed class CreateProjectRequestValidator : AbstractValidator<CreateProjectRequest>
{
    public const int MinTopicLength = 3;
    public const int MaxTopicLength = 200;

    public CreateProjectRequestValidator()
    {
        RuleFor(r => r.Topic)
            .NotEmpty().WithMessage("The topic is required.")
            .Must(t => t!.Trim().Length is >= MinTopicLength and <= MaxTopicLength)
            .WithMessage(r => $"The topic must be {MinTopicLength}-{MaxTopicLength} characters long (got {r.Topic!.Trim().Length}).")
            .When(r => !string.IsNullOrWhiteSpace(r.Topic), ApplyConditionTo.CurrentValidator);
    }
}
