using FluentValidation;

namespace ContentMachine.Projects.Apis.Validation;

public sealed class UpdateProjectRequestValidator : AbstractValidator<UpdateProjectRequest>
{
    public UpdateProjectRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r).Must(r => r.Title is not null || r.Options is not null).WithName("title")
            .WithMessage("Send a title, options, or both.");
        RuleFor(r => r.Title).Must(t => t!.Trim().Length is >= 1 and <= Project.MaxTitleLength).When(r => r.Title is not null)
            .WithMessage($"The title must be 1-{Project.MaxTitleLength} characters long.");
        RuleFor(r => r.Options!).SetValidator(new ProjectOptionsValidator(clock)).When(r => r.Options is not null);
        RuleFor(r => r.Version).Must(v => uint.TryParse(v, out _)).When(r => r.Version is not null)
            .WithMessage("The version is the value a GET returned.");
    }
}
