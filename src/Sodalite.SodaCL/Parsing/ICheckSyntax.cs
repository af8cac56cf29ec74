// How one SodaCL check type is written: which check lines are its, and the configuration keys it reads under a check. Each check
// type's module implements it next to its planning and judging (src/Sodalite.Engine/CheckTypes/<Type>/); the parser is given the
// list and never looks at a check's type itself. Soda Core keeps the same split in its v3 parser's per-type methods.
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;

namespace Sodalite.SodaCL.Parsing;

/// <summary>The syntax of one SodaCL check type (spec/sodacl.md §1): its check lines and its configuration keys.</summary>
public interface ICheckSyntax
{
    /// <summary>How messages name the type, as Soda does: "schema", "user defined failed rows", "row count comparison".</summary>
    string Description { get; }

    /// <summary>Whether <paramref name="line"/>, a check line the line grammar does not read ("schema", "failed rows"), is this type's.</summary>
    bool ClaimsLine(string line) => false;

    /// <summary>Whether a check line read by the line grammar is this type's; exactly one type claims each line.</summary>
    bool Claims(CheckLine line) => false;

    /// <summary>Whether the type's checks must be in a 'checks for DATASET' section (all but metric and failed rows checks).</summary>
    bool NeedsDataset => true;

    /// <summary>The column a check of this line is about (for column configurations and results), or null for a dataset check.</summary>
    string? Column(CheckLine? line) => null;

    /// <summary>Whether the 'configurations for DATASET' settings of the check's column merge into its missing and valid configuration.</summary>
    bool TakesColumnConfigurations => false;

    /// <summary>
    /// Soda's verdict on a key the type does not read itself (<see cref="Read"/> returned null): null when the type takes it (the
    /// parser then reads it as every check's key, or reports it as unknown), else how Soda rejects it for this type. Types with a
    /// fixed list of keys in Soda (schema, reference, row count comparison, failed rows, group evolution) reject every other key.
    /// </summary>
    KeyRejection? Rejects(string key, CheckDefinition check) => null;

    /// <summary>
    /// Whether a key that neither the type nor the keys every check shares know is reported (Soda's "Skipping unsupported check
    /// configuration"); false where Soda never looks (a distribution check).
    /// </summary>
    bool ReportsUnknownKeys => true;

    /// <summary>
    /// Looks at the check and its configuration before any key is read (also for a check without configuration), for what makes
    /// Soda stop reading the file there: throws <see cref="SodaClFileException"/> then.
    /// </summary>
    void Begin(CheckDefinition check, CheckConfigEntry[] entries, CheckConfigReader reader)
    {
    }

    /// <summary>
    /// Reads <paramref name="entry"/> when it is one of the type's own keys, and returns the check with it; returns null when the key
    /// is not the type's to read (the parser then reads the keys checks share and reports the rest). Reports a bad value through
    /// <paramref name="reader"/>'s log, with its location; throws <see cref="SodaClFileException"/> only where Soda stops reading the file.
    /// </summary>
    CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader) => null;

    /// <summary>Finishes the check after every key was read (a group by reads its keys together). Same error rules as <see cref="Read"/>.</summary>
    CheckDefinition Complete(CheckDefinition check, CheckConfigEntry[] entries, CheckConfigReader reader) => check;
}
