using ContentMachine.Contracts;
using FluentValidation;

namespace ContentMachine.Projects.Apis.Validation;

public sealed class ProjectOptionsValidator : AbstractValidator<ProjectOptionsRequest>
{
    public const int MinDurationSeconds = 15;
    public const int MaxDurationSeconds = 180;
    public const int MaxMediaIds = 20;
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(365);

    public ProjectOptionsValidator(TimeProvider clock)
    {
        RuleFor(o => o.Archetype).Must(BeOneOf(Archetypes.All)).When(o => o.Archetype is not null)
            .WithMessage($"The archetype must be one of: {string.Join(", ", Archetypes.All)}.");
        RuleFor(o => o.DurationSeconds).InclusiveBetween(MinDurationSeconds, MaxDurationSeconds).When(o => o.DurationSeconds is not null)
            .WithMessage($"The target duration must be {MinDurationSeconds}-{MaxDurationSeconds} seconds.");
        RuleFor(o => o.Voice).Must(BeOneOf(Voices.All)).When(o => o.Voice is not null)
            .WithMessage($"The voice must be one of: {string.Join(", ", Voices.All)}.");
        RuleFor(o => o.Language).Must(BeOneOf(Languages.All)).When(o => o.Language is not null)
            .WithMessage($"The language must be one of: {string.Join(", ", Languages.All)}.");
        RuleFor(o => o.Language)
            .Must((o, language) => string.Equals(Voices.LanguageOf(o.Voice!), language, StringComparison.OrdinalIgnoreCase))
            .When(o => o.Language is not null && o.Voice is not null && Voices.All.Contains(o.Voice.ToLowerInvariant()))
            .WithMessage(o => $"The voice {o.Voice} speaks '{Voices.LanguageOf(o.Voice!)}', not '{o.Language}'.");
        RuleFor(o => o.VisualStyle).Must(BeOneOf(VisualStyles.All)).When(o => o.VisualStyle is not null)
            .WithMessage($"The visual style must be one of: {string.Join(", ", VisualStyles.All)}.");
        RuleFor(o => o.OnDuplicate).Must(BeOneOf(DuplicatePolicies.All)).When(o => o.OnDuplicate is not null)
            .WithMessage($"onDuplicate must be one of: {string.Join(", ", DuplicatePolicies.All)}.");
        RuleFor(o => o.MediaIds).Must(ids => ids!.Count <= MaxMediaIds && ids.All(id => id != Guid.Empty)).When(o => o.MediaIds is not null)
            .WithMessage($"At most {MaxMediaIds} media ids, none empty.");
        RuleFor(o => o.Platforms).Must(BeKnownPlatforms).When(o => o.Platforms is not null)
            .WithMessage($"The platforms must be distinct values of: {string.Join(", ", Contracts.Platforms.All)}.");
        RuleFor(o => o.Platforms).Must(p => p is { Count: > 0 }).When(o => o.AutoPublish == true)
            .WithMessage("autoPublish needs at least one platform.");
        RuleFor(o => o.PublishAt).Must(at => at > clock.GetUtcNow() && at < clock.GetUtcNow() + MaxScheduleAhead).When(o => o.PublishAt is not null)
            .WithMessage("publishAt must be in the future (and within a year).");
    }

    private static Func<string?, bool> BeOneOf(IReadOnlyList<string> allowed) =>
        value => value is not null && allowed.Contains(value.ToLowerInvariant());

    internal static bool BeKnownPlatforms(IReadOnlyList<string>? platforms) =>
        platforms is not null
        && platforms.All(p => p is not null && Contracts.Platforms.All.Contains(p.ToLowerInvariant()))
        && platforms.Select(p => p.ToLowerInvariant()).Distinct().Count() == platforms.Count;
}
