using FluentValidation;

namespace ContentMachine.Search.Apis.Validation;

public sealed class SearchQueryValidator : AbstractValidator<SearchQuery>
{
    public const int MaxQueryLength = 1000;

    public SearchQueryValidator()
    {
        RuleFor(q => q.Q).NotEmpty().WithMessage("The query text q is required.")
            .MaximumLength(MaxQueryLength).WithMessage($"The query text q must be at most {MaxQueryLength} characters.");
        RuleFor(q => q.Topic).MaximumLength(SearchDocument.MaxTopicLength).WithMessage($"The topic must be at most {SearchDocument.MaxTopicLength} characters.");
        RuleFor(q => q.Status).Must(s => SearchStatus.All.Contains(s)).When(q => q.Status is not null)
            .WithMessage($"The status must be one of: {string.Join(", ", SearchStatus.All)}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"The limit must be 1-{SearchQuery.MaxLimit}.");
    }
}
