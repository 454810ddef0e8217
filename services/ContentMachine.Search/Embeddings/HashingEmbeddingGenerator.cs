using System.Buffers;
using Microsoft.Extensions.AI;

namespace ContentMachine.Search.Embeddings;

/// <summary>An embedder that needs no model and no network: feature hashing of word unigrams, word bigrams and character
/// trigrams (within words, padded) into a fixed number of dimensions, with sublinear term weights (1 + ln tf), a sign from
/// the hash so that collisions cancel out on average, and L2 normalisation so that a dot product is a cosine. It knows
/// words, not meanings: a reordered or lightly reworded sentence scores high, a synonym only through shared trigrams.</summary>
public sealed class HashingEmbeddingGenerator(int dimensions = HashingEmbeddingGenerator.DefaultDimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int DefaultDimensions = 384;
    public const string ModelId = "feature-hashing-v1";

    // Bigrams carry order and phrases; trigrams make inflections meet ("octopus"/"octopuses") and weigh less, being many.
    private const float UnigramWeight = 1.0f;
    private const float BigramWeight = 0.8f;
    private const float TrigramWeight = 0.35f;

    private readonly EmbeddingGeneratorMetadata _metadata = new("hashing", null, ModelId, dimensions);

    public int Dimensions { get; } = dimensions > 0 ? dimensions : throw new ArgumentOutOfRangeException(nameof(dimensions));

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId, CreatedAt = DateTimeOffset.UtcNow });
        }
        return Task.FromResult(embeddings);
    }

    /// <summary>The vector of one text: unit length, or all zeros for a text without a letter or digit.</summary>
    public float[] Embed(string text)
    {
        var counts = new Dictionary<ulong, (float Weight, int Count)>();
        void Add(ulong hash, float weight)
        {
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, hash, out _);
            entry = (weight, entry.Count + 1);
        }

        var normalized = ArrayPool<char>.Shared.Rent(text.Length + 2);
        try
        {
            var length = Normalize(text, normalized);
            var words = normalized.AsSpan(0, length);
            ReadOnlySpan<char> previous = default;
            foreach (var range in words.Split(' '))
            {
                var word = words[range];
                if (word.IsEmpty) continue;
                Add(StableHash.Fnv1a('w', word), UnigramWeight);
                if (!previous.IsEmpty) Add(StableHash.Fnv1a('b', previous, word), BigramWeight);
                AddTrigrams(word, Add);
                previous = word;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(normalized);
        }

        var vector = new float[Dimensions];
        foreach (var (hash, (weight, count)) in counts)
        {
            var index = (int)(hash % (ulong)Dimensions);
            var sign = (hash >> 63) == 0 ? 1f : -1f;
            vector[index] += sign * weight * (1f + MathF.Log(count));
        }
        VectorMath.NormalizeInPlace(vector);
        return vector;
    }

    private static void AddTrigrams(ReadOnlySpan<char> word, Action<ulong, float> add)
    {
        // "^cat$" -> "^ca", "cat", "at$": the padding marks where a word starts and ends.
        Span<char> padded = word.Length + 2 <= 128 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
        padded[0] = '^';
        word.CopyTo(padded[1..]);
        padded[^1] = '$';
        for (var i = 0; i + 3 <= padded.Length; i++) add(StableHash.Fnv1a('t', padded.Slice(i, 3)), TrigramWeight);
    }

    /// <summary>Lowercase letters and digits, every other run of characters one space (so "don't" is "don t").</summary>
    private static int Normalize(string text, char[] into)
    {
        var length = 0;
        var space = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                into[length++] = char.ToLowerInvariant(c);
                space = false;
            }
            else if (!space)
            {
                into[length++] = ' ';
                space = true;
            }
        }
        return length > 0 && into[length - 1] == ' ' ? length - 1 : length;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
