using FluentValidation;

namespace ContentMachine.Projects.Apis.Validation;

internal static class TopicRules
{
    public const int MinLength = 3;
    public const int MaxLength = 200;

    /// <summary>Required, 3-200 characters once trimmed.</summary>
    public static IRuleBuilderOptions<T, string?> ValidTopic<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => t?.Trim().Length is >= MinLength and <= MaxLength)
            .WithMessage((_, t) => string.IsNullOrWhiteSpace(t)
                ? "The topic is required."
                : $"The topic must be {MinLength}-{MaxLength} characters long (got {t!.Trim().Length}).");
}
