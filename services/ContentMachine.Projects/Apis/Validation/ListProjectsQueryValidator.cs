using FluentValidation;

namespace ContentMachine.Projects.Apis.Validation;

public sealed class ListProjectsQueryValidator : AbstractValidator<ListProjectsQuery>
{
    public const int MaxLimit = 100;

    public ListProjectsQueryValidator()
    {
        RuleFor(q => q.Status).Must(s => ProjectListing.ParseStatuses(s) is not null).When(q => q.Status is not null)
            .WithMessage($"The status must be a comma-separated list of: {string.Join(", ", Enum.GetNames<ProjectStatus>().Select(n => n.ToLowerInvariant()))}.");
        RuleFor(q => q.Q).MaximumLength(200).WithMessage("The text query must be at most 200 characters.");
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"The limit must be 1-{MaxLimit}.");
        RuleFor(q => q.Cursor).Must(c => ProjectListing.TryDecodeCursor(c, out _)).When(q => q.Cursor is not null)
            .WithMessage("The cursor is not one this API returned.");
    }
}
