using FluentValidation;

namespace ContentMachine.Projects.Apis.Validation;

public sealed class CreateProjectRequestValidator : AbstractValidator<CreateProjectRequest>
{
    public CreateProjectRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Topic).ValidTopic();
        RuleFor(r => r.Options!).SetValidator(new ProjectOptionsValidator(clock)).When(r => r.Options is not null);
    }
}
