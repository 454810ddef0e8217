using ContentMachine.Gateway.Auth;
using FluentValidation;

namespace ContentMachine.Gateway.Admin;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyValidator(TimeProvider time)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Scopes).NotEmpty().WithMessage($"At least one scope is needed: {string.Join(", ", ApiKeyScopes.All)}.");
        RuleForEach(r => r.Scopes).Must(ApiKeyScopes.IsKnown).WithMessage(s => $"Unknown scope; scopes are {string.Join(", ", ApiKeyScopes.All)}.");
        RuleFor(r => r.ExpiresAt).Must(e => e is null || e > time.GetUtcNow()).WithMessage("The expiry must be in the future.");
    }
}
