using FluentValidation;

namespace ContentMachine.Pipeline.Apis;

public sealed class QueueRunRequestValidator : AbstractValidator<QueueRunRequest>
{
    public QueueRunRequestValidator() => RuleFor(r => r.ProjectId).NotEmpty().WithMessage("The projectId is required.");
}
