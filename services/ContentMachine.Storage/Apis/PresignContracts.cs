using ContentMachine.Storage.Options;
using FluentValidation;

namespace ContentMachine.Storage.Apis;

/// <param name="Key">The object's key.</param>
/// <param name="Method">GET (download; the object must exist) or PUT (upload straight to the bucket).</param>
/// <param name="ExpiresInSeconds">How long the URL works; default one hour, at most 7 days (604800).</param>
/// <param name="ContentType">For PUT: the Content-Type the upload must then be sent with.</param>
public sealed record PresignRequest(string? Key, string? Method, int? ExpiresInSeconds, string? ContentType);

/// <param name="Headers">Headers the request must carry for the signature to hold.</param>
public sealed record PresignResponse(string Url, string Method, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> Headers);

public sealed class PresignRequestValidator : AbstractValidator<PresignRequest>
{
    public PresignRequestValidator(IOptions<StorageOptions> options)
    {
        var max = (int)options.Value.PresignMaxExpiry.TotalSeconds;
        RuleFor(r => r.Key).NotEmpty().Must(k => ObjectKey.Validate(k) is null)
            .WithMessage(r => ObjectKey.Validate(r.Key) ?? "");
        RuleFor(r => r.Method).NotEmpty().Must(m => m is "GET" or "PUT").WithMessage("The method must be GET or PUT.");
        RuleFor(r => r.ExpiresInSeconds).InclusiveBetween(1, max)
            .WithMessage($"The expiry must be between 1 and {max} seconds ({options.Value.PresignMaxExpiry.TotalDays:0.#} days).");
        RuleFor(r => r.ContentType).Null().When(r => r.Method == "GET").WithMessage("A content type only applies to PUT.");
        RuleFor(r => r.ContentType).MaximumLength(255);
    }
}
