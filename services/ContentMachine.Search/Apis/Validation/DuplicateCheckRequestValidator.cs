using FluentValidation;

namespace ContentMachine.Search.Apis.Validation;

public sealed class DuplicateCheckRequestValidator : AbstractValidator<DuplicateCheckRequest>
{
    public DuplicateCheckRequestValidator()
    {
        RuleFor(r => r.Text).NotEmpty().WithMessage("The text is required.")
            .MaximumLength(SearchDocument.MaxScriptLength).WithMessage($"The text must be at most {SearchDocument.MaxScriptLength} characters.");
        RuleFor(r => r.Threshold).InclusiveBetween(0, 1).When(r => r.Threshold is not null)
            .WithMessage("The threshold must be between 0 and 1.");
        RuleFor(r => r.Limit).InclusiveBetween(1, DuplicateCheckRequest.MaxLimit).When(r => r.Limit is not null)
            .WithMessage($"The limit must be 1-{DuplicateCheckRequest.MaxLimit}.");
        RuleFor(r => r.ExcludeProjectId).NotEqual(Guid.Empty).WithMessage("The excludeProjectId must not be the empty id.");
    }
}
