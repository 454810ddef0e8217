using FluentValidation;

namespace ContentMachine.Search.Apis;

public sealed class PutDocumentRequestValidator : AbstractValidator<PutDocumentRequest>
{
    public PutDocumentRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("The title is required.")
            .MaximumLength(SearchDocument.MaxTitleLength).WithMessage($"The title must be at most {SearchDocument.MaxTitleLength} characters.");
        RuleFor(r => r.Text).NotEmpty().WithMessage("The text is required.")
            .MaximumLength(SearchDocument.MaxTextLength).WithMessage($"The text must be at most {SearchDocument.MaxTextLength} characters.");
    }
}
