using System.Numerics;
using System.Runtime.InteropServices;

namespace ContentMachine.Search.Embeddings;

/// <summary>Dot products and norms with <see cref="Vector{T}"/> (AVX2/AVX-512/NEON as the CPU offers; System.Numerics.Tensors
/// is not in the package cache). Vectors are unit length once stored, so a dot product is their cosine.</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Vectors of {a.Length} and {b.Length} dimensions cannot be compared.");
        var width = Vector<float>.Count;
        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && a.Length >= width)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            // Two accumulators hide the latency of the fused multiply-adds.
            var acc0 = Vector<float>.Zero;
            var acc1 = Vector<float>.Zero;
            var v = 0;
            for (; v + 1 < va.Length; v += 2)
            {
                acc0 = Vector.FusedMultiplyAdd(va[v], vb[v], acc0);
                acc1 = Vector.FusedMultiplyAdd(va[v + 1], vb[v + 1], acc1);
            }
            if (v < va.Length) acc0 = Vector.FusedMultiplyAdd(va[v], vb[v], acc0);
            sum = Vector.Sum(acc0 + acc1);
            i = va.Length * width;
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static float Norm(ReadOnlySpan<float> a) => MathF.Sqrt(Dot(a, a));

    /// <summary>Scales to unit length; a zero vector stays zero (it matches nothing).</summary>
    public static void NormalizeInPlace(Span<float> a)
    {
        var norm = Norm(a);
        if (norm is 0f || float.IsNaN(norm)) return;
        var scale = 1f / norm;
        for (var i = 0; i < a.Length; i++) a[i] *= scale;
    }

    public static float[] Normalized(ReadOnlySpan<float> a)
    {
        var copy = a.ToArray();
        NormalizeInPlace(copy);
        return copy;
    }
}
