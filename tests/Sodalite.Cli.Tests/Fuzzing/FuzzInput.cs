namespace Sodalite.Cli.Tests.Fuzzing;

/// <summary>One mutated checks file: its number in the run, the seed file it came from, the mutations applied and its bytes.</summary>
/// <param name="Index">Position in the run; with the run's seed it reproduces the input (SODALITE_FUZZ_ONLY).</param>
/// <param name="SeedName">The corpus file it was mutated from.</param>
/// <param name="Notes">One note per mutation: what was changed where.</param>
/// <param name="Text">The file's bytes as a Latin-1 string (one char per byte).</param>
/// <param name="Variables">The scan variables (-v) of the seed file's case.</param>
internal sealed record FuzzInput(int Index, string SeedName, IReadOnlyList<string> Notes, string Text, IReadOnlyDictionary<string, string> Variables)
{
    public byte[] Bytes => System.Text.Encoding.Latin1.GetBytes(Text);

    /// <summary>The input for position <paramref name="index"/> of the run with <paramref name="seed"/>: independent of every other index.</summary>
    public static FuzzInput Create(int seed, int index, IReadOnlyList<FuzzSeed> corpus, ChecksMutator mutator)
    {
        var random = new Random(unchecked((seed * 1_000_003) ^ index));
        var source = corpus[random.Next(corpus.Count)];
        var (text, notes) = mutator.Mutate(random, source.Text);
        return new FuzzInput(index, source.Name, notes, text, source.Variables);
    }
}
