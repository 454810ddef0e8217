using FluentValidation;

namespace ContentMachine.Projects.Apis.Validation;

public sealed class BatchCreateRequestValidator : AbstractValidator<BatchCreateRequest>
{
    public BatchCreateRequestValidator(TimeProvider clock)
    {
        var options = new ProjectOptionsValidator(clock);
        RuleFor(r => r).Must(r => (r.Topics is null) != (r.Items is null)).WithName("topics")
            .WithMessage("Send either topics (sharing options) or items (each with its own options).");
        RuleFor(r => r.Topics!.Count).InclusiveBetween(1, BatchCreateRequest.MaxProjects).OverridePropertyName("topics")
            .When(r => r.Topics is not null).WithMessage($"A batch holds 1-{BatchCreateRequest.MaxProjects} projects.");
        RuleFor(r => r.Items!.Count).InclusiveBetween(1, BatchCreateRequest.MaxProjects).OverridePropertyName("items")
            .When(r => r.Items is not null).WithMessage($"A batch holds 1-{BatchCreateRequest.MaxProjects} projects.");
        RuleForEach(r => r.Topics).ValidTopic().When(r => r.Topics is { Count: <= BatchCreateRequest.MaxProjects });
        RuleForEach(r => r.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Topic).ValidTopic();
            item.RuleFor(i => i.Options!).SetValidator(options).When(i => i.Options is not null);
        }).When(r => r.Items is { Count: <= BatchCreateRequest.MaxProjects });
        RuleFor(r => r.Options!).SetValidator(options).When(r => r.Options is not null);
    }
}
