using Microsoft.Extensions.AI;

namespace ContentMachine.Search.Tests;

public class HashingEmbeddingGeneratorTests
{
    private readonly HashingEmbeddingGenerator _embedder = new();

    private float Similarity(string a, string b) => VectorMath.Dot(_embedder.Embed(a), _embedder.Embed(b));

    [Fact]
    public async Task Vectors_have_384_dimensions_and_unit_length()
    {
        var embeddings = await _embedder.GenerateAsync(["Why octopuses have three hearts", "A", "Ünïcödé — naïve café, 東京"]);

        embeddings.Should().HaveCount(3);
        embeddings.Should().OnlyContain(e => e.Vector.Length == 384);
        embeddings.Select(e => VectorMath.Norm(e.Vector.Span)).Should().OnlyContain(n => Math.Abs(n - 1f) < 1e-5f);
        _embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions.Should().Be(384);
    }

    [Fact]
    public void Text_without_letters_or_digits_is_the_zero_vector()
    {
        _embedder.Embed("  ?! … ").Should().OnlyContain(x => x == 0f);
        _embedder.Embed("").Should().HaveCount(384);
    }

    [Fact]
    public void The_same_text_gives_the_same_vector_in_every_instance_and_process()
    {
        var first = _embedder.Embed("The deepest ocean trench");
        var second = new HashingEmbeddingGenerator().Embed("The deepest ocean trench");

        second.Should().Equal(first);
        // Pinned: a hash that changed between processes (string.GetHashCode) or releases would move these.
        StableHash.Fnv1a('w', "octopus").Should().Be(StableHashOf("octopus"));
        var nonZero = first.Select((v, i) => (v, i)).Where(p => p.v != 0).Select(p => p.i).ToArray();
        nonZero.Should().NotBeEmpty();
        new HashingEmbeddingGenerator().Embed("THE deepest, ocean trench!").Should().Equal(first, "case and punctuation do not matter");
    }

    /// <summary>The reference: FNV-1a 64 over the UTF-16 bytes (low byte first) after the kind character, then fmix64.</summary>
    private static ulong StableHashOf(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.Unicode.GetBytes("w" + word))
            hash = (hash ^ b) * 1099511628211UL;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }

    [Theory]
    [InlineData("Why octopuses have three hearts", "Octopuses have three hearts: here is why", "How to bake sourdough bread at home")]
    [InlineData("The five fastest land animals on earth", "On earth, the fastest land animals: the top five", "Saving money on your electricity bill")]
    [InlineData("How black holes bend light", "Black holes bending light, explained", "The history of the Roman empire")]
    [InlineData("Ten myths about sleep debunked", "Sleep myths: ten of them debunked", "Ten easy pasta recipes for weeknights")]
    public void A_paraphrase_or_reordered_sentence_scores_above_unrelated_text(string text, string paraphrase, string unrelated)
    {
        var close = Similarity(text, paraphrase);
        var far = Similarity(text, unrelated);

        close.Should().BeGreaterThan(far + 0.2f, $"'{paraphrase}' ({close:F3}) says what '{text}' says; '{unrelated}' ({far:F3}) does not");
        Similarity(text, text).Should().BeApproximately(1f, 1e-5f);
    }

    [Fact]
    public void Word_order_matters_a_little_through_bigrams()
    {
        var same = Similarity("dogs chase cats", "dogs chase cats");
        var reordered = Similarity("dogs chase cats", "cats chase dogs");

        reordered.Should().BeLessThan(same).And.BeGreaterThan(0.6f);
    }
}
