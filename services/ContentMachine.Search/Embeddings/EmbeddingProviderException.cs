using System.Net;

namespace ContentMachine.Search.Embeddings;

/// <summary>The embeddings endpoint refused or failed a request. <see cref="IsTransient"/> says whether trying again later
/// may help (5xx, 429, a network failure) or not (a rejected key, a bad request).</summary>
public sealed class EmbeddingProviderException(string message, HttpStatusCode? statusCode, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
    public bool IsTransient { get; } = isTransient;
}
